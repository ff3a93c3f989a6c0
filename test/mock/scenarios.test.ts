import { describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { useMock } from "../helpers/mock-client.ts";
import { errorOf, sendRaw } from "../helpers/raw-request.ts";
import { successData } from "../helpers/spec-examples.ts";

const seeded = successData("listSessions") as SessionData[];
const known = seeded[0]?.id ?? "";
const json = { "content-type": "application/json" };
const store = async (url: string) =>
  JSON.parse((await sendRaw(url, { method: "GET", path: "/__mock/sessions" })).text).data;

describe("a request's own scenario: Prefer: code=<status> and delay=<ms>", () => {
  const t = useMock();

  it.each([
    ["GET", `/api/sessions/${known}`, "code=404", 404, "not_found", `Session with ID '${known}' not found`],
    [
      "POST",
      "/api/sessions",
      "code=503",
      503,
      "internal_error",
      "Internal error during create session: injected by Prefer: code=503",
    ],
    [
      "DELETE",
      `/api/sessions/${known}`,
      "code=500",
      500,
      "internal_error",
      "Internal error during delete session: injected by Prefer: code=500",
    ],
    ["GET", "/api/sessions", "code=401", 401, "unauthorized", "Unauthorized: injected by Prefer: code=401"],
    [
      "POST",
      `/api/sessions/${known}/fork`,
      "code=429",
      429,
      "bad_request",
      "Too many requests: injected by Prefer: code=429",
    ],
    [
      "POST",
      "/api/sessions",
      'code="418"; x=1, return=minimal',
      418,
      "bad_request",
      "HTTP 418: injected by Prefer: code=418",
    ],
  ])(
    "%s %s with Prefer: %s answers %i with the API's envelope and leaves the store alone",
    async (method, path, prefer, status, type, message) => {
      const body =
        method === "POST"
          ? '{"messageIndex":1,"title":"x"}'.replace(path.endsWith("fork") ? "" : '"messageIndex":1,', "")
          : undefined;
      const answer = await sendRaw(t.mock.url, { method, path, body, headers: { ...json, prefer } });
      expect([answer.status, errorOf(answer)]).toEqual([status, { code: status, type, message }]);
      expect(answer.headers["retry-after"]).toBe(status === 429 ? "1" : undefined);
      expect(answer.headers["sl-violations"]).toBeUndefined();
      expect(await store(t.mock.url)).toEqual(seeded);
    },
  );

  it("waits delay milliseconds first, and then answers as asked or as the model would", async () => {
    const started = performance.now();
    const slow = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions", headers: { prefer: "delay=150" } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(slow.status).toBe(200);
    const both = await sendRaw(t.mock.url, {
      method: "GET",
      path: "/api/sessions",
      headers: { prefer: "delay=50, code=500" },
    });
    expect(both.status).toBe(500);
  });

  it("answers a success code as the model would, and says in the log it was ignored", async () => {
    t.log.length = 0;
    const answer = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions", headers: { prefer: "code=201" } });
    expect(answer.status).toBe(200);
    expect(t.log).toEqual([
      expect.stringMatching(
        /^GET \/api\/sessions 200 \d+ms \(Prefer: code=201 ignored: only 4XX and 5XX are injected\)$/,
      ),
    ]);
  });

  it("refuses a delay or a code it cannot follow with 400, naming it", async () => {
    const long = await sendRaw(t.mock.url, {
      method: "GET",
      path: "/api/sessions",
      headers: { prefer: "delay=600001" },
    });
    expect(errorOf(long)).toEqual({
      code: 400,
      type: "bad_request",
      message: 'Prefer: delay must be milliseconds from 0 to 600000, got "600001"',
    });
    const code = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions", headers: { prefer: "code=600" } });
    expect(errorOf(code)?.message).toBe('Prefer: code must be an HTTP status from 100 to 599, got "600"');
  });
});

describe("--fail-status: what --fail-rate injects", () => {
  let draws: number[] = [];
  const t = useMock({ failRate: 0.5, failStatus: [502, 404], random: () => draws.shift() ?? 0.9 });

  it("injects the listed statuses, each as likely, with the API's envelope, and the store untouched", async () => {
    draws = [0.1, 0.2, 0.1, 0.7, 0.9];
    const path = `/api/sessions/${known}`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await sendRaw(t.mock.url, { method: "DELETE", path }));
    expect(answers.map((a) => [a.status, errorOf(a)?.type])).toEqual([
      [502, "internal_error"],
      [404, "not_found"],
      [204, undefined],
    ]);
    expect(answers.map((a) => errorOf(a)?.message)[0]).toBe(
      "Internal error during delete session: injected by the mock's fail rate (502)",
    );
    await sendRaw(t.mock.url, { method: "POST", path: "/__mock/reset" });
  });
});

describe("one log line per request", () => {
  const t = useMock();
  const quiet = useMock({ quiet: true });

  it("gives method, path, status and milliseconds, and the violations; --quiet keeps only the lines with violations", async () => {
    for (const mock of [t, quiet]) {
      mock.log.length = 0;
      await sendRaw(mock.mock.url, { method: "GET", path: "/api/sessions" });
      await sendRaw(mock.mock.url, { method: "POST", path: "/api/sessions", headers: json, body: '{"colour":"red"}' });
    }
    const violation =
      /^POST \/api\/sessions 400 \d+ms VIOLATION: Request body must NOT have additional properties; found 'colour'$/;
    expect(t.log).toEqual([expect.stringMatching(/^GET \/api\/sessions 200 \d+ms$/), expect.stringMatching(violation)]);
    expect(quiet.log).toEqual([expect.stringMatching(violation)]);
  });
});

describe("POST /__mock/reset with requests under way", () => {
  const t = useMock({ latency: 300 });

  it("fences them off: a create that started before the reset never lands in the new store", async () => {
    const create = sendRaw(t.mock.url, {
      method: "POST",
      path: "/api/sessions",
      headers: json,
      body: '{"title":"late"}',
    });
    const forkBody = '{"messageIndex":2}';
    const fork = sendRaw(t.mock.url, {
      method: "POST",
      path: `/api/sessions/${known}/fork`,
      headers: json,
      body: forkBody,
    });
    const remove = sendRaw(t.mock.url, { method: "DELETE", path: `/api/sessions/${known}` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sendRaw(t.mock.url, { method: "POST", path: "/__mock/reset" });
    expect((await Promise.all([create, fork, remove])).map((a) => a.status)).toEqual([201, 201, 204]);
    expect(await store(t.mock.url)).toEqual(seeded);
  });
});
