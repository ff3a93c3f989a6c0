import { beforeEach, describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { readJson, useMock } from "../helpers/mock-client.ts";
import { successData } from "../helpers/spec-examples.ts";
import { expectNoViolations } from "../helpers/violation-recorder.ts";

/** Returns the given numbers in turn, as Math.random would. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

const own: SessionData[] = [
  { ...(successData("getSession") as SessionData), id: "11111111-1111-4111-8111-111111111111", title: "Older" },
  {
    ...(successData("getSession") as SessionData),
    id: "22222222-2222-4222-8222-222222222222",
    title: "Newer",
    createdAt: "2026-01-02T03:04:05Z",
  },
];

describe("--empty and --seed-file", () => {
  const empty = useMock({ sessions: "empty" });
  const seeded = useMock({ sessions: own });

  it("--empty starts with no session, and list answers []", async () => {
    await expect(empty.mix.sessions.list()).resolves.toEqual([]);
  });

  it("a seed of your own is served newest first", async () => {
    const titles = (await seeded.mix.sessions.list()).map((s) => s.title);
    expect(titles).toEqual(["Newer", "Older"]);
  });
});

describe("--latency", () => {
  const fixed = useMock({ latency: 200 });
  const range = useMock({ latency: [100, 140], random: () => 0.5 });

  it.each([
    ["a fixed latency", fixed, 200],
    ["a range, drawn uniformly (here its middle)", range, 120],
  ])("delays each answer by %s", async (_, t, ms) => {
    const started = performance.now();
    await t.mix.sessions.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(ms - 1);
    expectNoViolations(t.recorder);
  });
});

describe("--fail-rate", () => {
  // Each request draws twice: fail or not, then which failure. Each test sets its own draws.
  let draw = sequence(0);
  const t = useMock({ failRate: 0.5, random: () => draw() });
  const create = async () => readJson(await t.send("/api/sessions", { method: "POST", body: "{}" }));
  const stored = async () => ((await readJson(await t.send("/__mock/sessions"))).body as { data: SessionData[] }).data;
  beforeEach(async () => {
    await (await t.send("/__mock/reset", { method: "POST" })).arrayBuffer();
  });

  it("answers 429 with Retry-After, 500 and 503 with the API's envelope, and then succeeds", async () => {
    draw = sequence(0.2, 0.1, 0.2, 0.5, 0.2, 0.9, 0.7);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await create());
    expect(answers.map((a) => a.status)).toEqual([429, 500, 503, 201]);
    expect(answers[0]?.headers.get("retry-after")).toBe("1");
    expect(answers[0]?.body).toMatchObject({ error: { code: 429, type: "bad_request" } });
    expect(answers[1]?.body).toMatchObject({ error: { code: 500, type: "internal_error" } });
    expect(answers[2]?.body).toMatchObject({ error: { code: 503, type: "internal_error" } });
  });

  it("leaves the store as it was when it injects a failure", async () => {
    draw = sequence(0.2, 0.5, 0.7);
    const before = await stored();
    expect((await create()).status).toBe(500);
    expect(await stored()).toEqual(before);
    // The next request passes, and reaches the model.
    expect((await create()).status).toBe(201);
    expect(await stored()).toHaveLength(before.length + 1);
  });
});

describe("--quirks", () => {
  const t = useMock({ quirks: true, sessions: "empty" });

  it("answers like the real server, and turns validation off for those answers", async () => {
    const list = await readJson(await t.send("/api/sessions"));
    expect(list.body).toEqual({ data: null });
    const untitled = await readJson(await t.send("/api/sessions", { method: "POST", body: "{}" }));
    expect(untitled).toMatchObject({ status: 400, body: { error: { type: "validation_error" } } });
    const deleted = await readJson(await t.send("/api/sessions/nope", { method: "DELETE" }));
    expect(deleted).toMatchObject({ status: 500, body: { error: { code: 500, type: "internal_error" } } });
    const cancel = await readJson(await t.send("/api/sessions/nope/cancel", { method: "POST" }));
    expect(cancel.body).toEqual({ data: { status: "cancelled", sessionId: "nope" } });
    for (const answer of [list, untitled, deleted, cancel]) {
      expect(answer.headers.get("sl-violations")).toBeNull();
      expect(answer.headers.get("x-mix-mock-quirk")).toBeNull();
    }
  });

  it.each([
    ["PUT", "/api/sessions", 405, "Method Not Allowed\n"],
    ["GET", "/api/nothing", 404, "404 page not found\n"],
  ])(
    "answers %s %s in plain text as the real router does, and reports the request",
    async (method, path, status, text) => {
      t.log.length = 0;
      const response = await t.send(path, { method });
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe(text);
      expect(response.headers.get("sl-violations")).toContain("Selected route not found");
      expect(t.log).toEqual([
        expect.stringMatching(`^${method} ${path} ${status} \\d+ms VIOLATION: Selected route not found$`),
      ]);
    },
  );

  it("grants in a preflight only the headers the real server allows", async () => {
    const preflight = await t.send("/api/sessions", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Content-Type, Authorization, X-Requested-With");
  });

  it("the SDK survives each of them", async () => {
    await expect(t.mix.sessions.list()).resolves.toEqual([]);
    await expect(t.mix.sessions.cancelProcessing({ id: "nope" })).resolves.toMatchObject({ cancelled: true });
    await expect(t.mix.sessions.delete({ id: "nope" })).rejects.toMatchObject({ statusCode: 500 });
  });
});

describe("--stateless", () => {
  const t = useMock({ mode: "stateless" });

  it("is Prism alone: the spec's examples, whatever was sent, and Prefer picks a documented answer", async () => {
    await expect(t.mix.sessions.create({ title: "Anything" })).resolves.toEqual(successData("createSession"));
    const error = await t.mix.sessions.get({ id: "x" }, { headers: { Prefer: "code=404" } }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 404, data: { error: { type: "not_found" } } });
    expectNoViolations(t.recorder);
    expect((await t.send("/__mock/sessions")).status).toBe(404);
  });

  it("answers a method or path the spec does not have with Prism's own problem+json", async () => {
    const method = await readJson(await t.send("/api/sessions", { method: "PUT" }));
    expect(method).toMatchObject({ status: 405, body: { type: expect.stringContaining("NO_METHOD_MATCHED_ERROR") } });
    expect(method.headers.get("content-type")).toBe("application/problem+json");
    const path = await readJson(await t.send("/api/nothing"));
    expect(path).toMatchObject({ status: 404, body: { type: expect.stringContaining("NO_PATH_MATCHED_ERROR") } });
  });
});
