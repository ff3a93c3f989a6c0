import { describe, expect, it, vi } from "vitest";
import { startMock } from "../../scripts/lib/mock-stack.ts";
import { type PrismOptions, startPrism } from "../../scripts/lib/prism.ts";
import { useMock } from "../helpers/mock-client.ts";
import { running } from "../helpers/processes.ts";
import { sendRaw } from "../helpers/raw-request.ts";

describe("the checking front when it loses Prism", () => {
  const t = useMock({ prismTimeoutMs: 1000 });

  it("starts Prism again when it stops, and the request that waits for it gets its answer, checked", async () => {
    const before = t.mock.prism?.pid ?? 0;
    t.log.length = 0;
    process.kill(before, "SIGKILL");
    await vi.waitFor(() => expect(t.log[0]).toMatch(/^mix-mock: Prism stopped \(SIGKILL\); starting it again/));
    const created = await sendRaw(t.mock.url, {
      method: "POST",
      path: "/api/sessions",
      body: '{"title":"after"}',
      headers: { "content-type": "application/json" },
    });
    expect(created.status).toBe(201);
    expect(t.mock.prism?.pid).not.toBe(before);
    expect(t.log.at(-1)).toMatch(/^POST \/api\/sessions 201 \d+ms$/);
    await sendRaw(t.mock.url, { method: "POST", path: "/__mock/reset" });
  });

  it("answers with the model when Prism hangs, and replaces the hung Prism", async () => {
    const hung = t.mock.prism?.pid ?? 0;
    t.log.length = 0;
    process.kill(hung, "SIGSTOP");
    try {
      const list = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions" });
      expect(list.status).toBe(200);
      expect(t.log).toContainEqual(
        expect.stringMatching(
          /^GET \/api\/sessions 200 \d+ms \(not checked by Prism: Prism did not answer in 1000 ms\)$/,
        ),
      );
      await vi.waitFor(() => expect(running(hung)).toBe(false), 10_000);
      await vi.waitFor(async () => {
        expect(t.mock.prism?.pid).not.toBe(hung);
        const again = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions" });
        expect(again.status).toBe(200);
      }, 60_000);
    } finally {
      if (running(hung)) process.kill(hung, "SIGKILL");
    }
  });
});

describe("a mock whose Prism stops and cannot be started again", () => {
  it("reports it once, with the reason, so that mix-mock exits instead of running on half-alive", async () => {
    let starts = 0;
    const failingAfterFirst = (options: PrismOptions) =>
      ++starts === 1 ? startPrism(options) : Promise.reject(new Error("Prism exited with 1: no spec"));
    const fatal: Error[] = [];
    const log: string[] = [];
    const mock = await startMock({
      port: 0,
      startPrism: failingAfterFirst,
      onFatal: (e) => fatal.push(e),
      log: (l) => log.push(l),
    });
    try {
      process.kill(mock.prism?.pid ?? 0, "SIGKILL");
      await vi.waitFor(() => expect(fatal).toHaveLength(1), 30_000);
      expect(fatal[0]?.message).toBe("Prism stopped and could not be started again: Prism exited with 1: no spec");
      expect(starts).toBe(4);
      expect(log.filter((line) => line.includes("did not start again"))).toHaveLength(3);
    } finally {
      await mock.stop();
    }
  });
});
