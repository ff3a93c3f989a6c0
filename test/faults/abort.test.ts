import { getEventListeners } from "node:events";
import { beforeAll, describe, expect, it } from "vitest";
import { Mix, MixDefaultError, RequestAbortedError } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import {
  collectGarbage,
  delay,
  fastRetries,
  fetchers,
  outcome,
  sendSession,
  serversClosedAfterEach,
  unavailable,
  whenClosed,
  within,
} from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";
import { expectOnTime, happened, warmUpFetch } from "../helpers/timing.ts";

const serve = serversClosedAfterEach();
beforeAll(warmUpFetch);

/** Aborts `controller` with `reason` and returns when, as a `performance.now()` reading. */
function abortNow(controller: AbortController, reason?: unknown): number {
  const at = performance.now();
  controller.abort(reason);
  return at;
}
const busy = { "retry-after-ms": "5000" };

describe("aborting a call", () => {
  it("stops the wait before a retry at once, with the signal's reason as cause", async () => {
    const controller = new AbortController();
    const reason = new Error("the user gave up");
    let abortedAt = Number.NaN;
    const server = await serve((_req, res) => {
      sendJson(res, 503, unavailable, busy);
      setTimeout(() => {
        abortedAt = abortNow(controller, reason);
      }, 50);
    });
    // The default policy allows the 5 s wait the server asks for.
    const mix = new Mix({ serverURL: server.url });

    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }, { signal: controller.signal }));

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toBe(reason);
    await expectOnTime("settling after the abort", settledAt, happened(abortedAt));
    expect(server.requests).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it.each(fetchers)(
    "cancels a request in flight after a GC, and the server sees it closed, through %s",
    async (_, fetch) => {
      const controller = new AbortController();
      const reason = new Error("navigated away");
      let closed: Promise<number> | undefined;
      let abortedAt = Number.NaN;
      const server = await serve(async (_req, res) => {
        closed = whenClosed(res);
        await collectGarbage();
        abortedAt = abortNow(controller, reason);
      });
      const mix = new Mix({ serverURL: server.url, fetch });

      const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }, { signal: controller.signal }));

      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toBe(reason);
      await expectOnTime("settling after the abort", settledAt, happened(abortedAt));
      await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
      expect(server.requests).toHaveLength(1);
    },
  );

  it("sends nothing when the signal is already aborted", async () => {
    const reason = new Error("too late");
    const server = await serve((_req, res) => sendSession(res));
    const mix = new Mix({ serverURL: server.url });

    const { error } = await outcome(() => mix.sessions.get({ id: "s1" }, { signal: AbortSignal.abort(reason) }));
    await delay(50);

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("does not start the wait when the signal aborts while the retry is being decided", async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) => sendJson(res, 503, unavailable, { "retry-after-ms": "2000" }));
    let abortedAt = Number.NaN;
    // A logger is called synchronously between the attempt and the wait.
    const debugLogger = {
      debug: (line: string) => {
        if (line.includes("retrying")) abortedAt = abortNow(controller);
      },
    };
    const mix = new Mix({ serverURL: server.url, debugLogger });

    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }, { signal: controller.signal }));

    expect(error).toBeInstanceOf(RequestAbortedError);
    await expectOnTime("settling after the abort", settledAt, happened(abortedAt));
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a raw client call in flight after a GC", async () => {
    const controller = new AbortController();
    let closed: Promise<number> | undefined;
    let abortedAt = Number.NaN;
    const server = await serve(async (_req, res) => {
      closed = whenClosed(res);
      await collectGarbage();
      abortedAt = abortNow(controller);
    });
    const mix = new Mix({ serverURL: server.url, timeoutMs: 1000 });

    const call = createRawClient(mix).GET("/api/sessions/{id}", {
      params: { path: { id: "s1" } },
      signal: controller.signal,
    });
    const { error, settledAt } = await outcome(() => call);

    expect(error).toBeInstanceOf(RequestAbortedError);
    await expectOnTime("settling after the abort", settledAt, happened(abortedAt));
    await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
  });
});

describe("what a call leaves behind", () => {
  it("leaves no listener on the caller's signal, whether the call succeeds, retries or fails", async () => {
    const server = await serve((req, res, index) => {
      if (req.method === "POST" || index === 1) sendJson(res, 503, unavailable);
      else sendSession(res);
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });
    const { signal } = new AbortController();

    await expect(mix.sessions.get({ id: "s1" }, { signal })).resolves.toEqual(sampleSession);
    await expect(mix.sessions.get({ id: "s1" }, { signal })).resolves.toEqual(sampleSession);
    await expect(mix.sessions.create({ title: "t" }, { signal })).rejects.toBeInstanceOf(MixDefaultError);

    expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET", "GET", "POST"]);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});
