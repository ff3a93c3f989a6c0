import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Mix, RESTResponseError, type SessionData } from "../../src/index.ts";
import { createMixMock, type MixMock, type MixMockOptions } from "../../src/mock/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { freshSession } from "../helpers/mock-expectations.ts";
import { successData } from "../helpers/spec-examples.ts";

const seeded = successData("listSessions") as SessionData[];
const server = setupServer();
const mix = new Mix({ retryConfig: { strategy: "none" } });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * A mock whose handlers answer this test's requests. Made in the test itself: an error while
 * making it fails the test (which mutation testing counts), where one made while the file loads
 * would only keep the file from loading.
 */
function useHandlers(options?: MixMockOptions): MixMock {
  const mock = createMixMock(options);
  server.use(...mock.handlers);
  return mock;
}

describe("mix-sdk/mock with MSW's setupServer and the SDK in Node", () => {
  it("remembers: create, list shows it first, get, fork, cancel, delete, then 404 everywhere, then reset", async () => {
    const mock = useHandlers();
    const created = await mix.sessions.create({ title: "From MSW" });
    expect(created).toStrictEqual(freshSession({ title: "From MSW" }));
    expect((await mix.sessions.list()).map((s) => s.id)).toEqual([created.id, ...seeded.map((s) => s.id)]);
    await expect(mix.sessions.get({ id: created.id })).resolves.toStrictEqual(created);
    const fork = await mix.sessions.fork({ id: seeded[1]?.id ?? "", messageIndex: 3, title: "Fork" });
    expect(fork).toMatchObject({ title: "Fork", userMessageCount: 1, assistantMessageCount: 1, toolCallCount: 3 });
    await expect(mix.sessions.cancelProcessing({ id: created.id })).resolves.toEqual({ cancelled: true });
    await mix.sessions.delete({ id: created.id });
    for (const call of [() => mix.sessions.get({ id: created.id }), () => mix.sessions.delete({ id: created.id })]) {
      await expect(call()).rejects.toMatchObject({
        statusCode: 404,
        message: `Session with ID '${created.id}' not found`,
      });
    }
    expect(mock.sessions().map((s) => s.id)).toEqual([fork.id, ...seeded.map((s) => s.id)]);
    mock.reset();
    expect(mock.sessions()).toEqual(seeded);
  });

  it("reads a percent-encoded id as one path segment", async () => {
    useHandlers();
    const error = await mix.sessions.get({ id: "a/b c?d" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RESTResponseError);
    expect((error as RESTResponseError).message).toBe("Session with ID 'a/b c?d' not found");
  });

  it("answers a body the server would refuse with the API's 400", async () => {
    const mock = useHandlers();
    const { response, error } = await createRawClient(mix).POST("/api/sessions", {
      body: { title: "x", color: "red" } as never,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      error: { code: 400, message: "Validation error for field 'color': unknown field", type: "validation_error" },
    });
    expect(mock.sessions()).toEqual(seeded);
  });

  it("answers an unsupported method with 405 in plain text", async () => {
    useHandlers();
    const response = await fetch("http://localhost:8088/api/sessions", { method: "PUT" });
    expect([response.status, await response.text()]).toEqual([405, "Method Not Allowed\n"]);
  });

  it("answers any origin and any path before /api/sessions by default; a baseURL narrows them", async () => {
    const anywhere = createMixMock({ seed: "empty" });
    const narrow = createMixMock({ baseURL: "http://api.test/v2//", seed: "empty" });
    server.use(...narrow.handlers, ...anywhere.handlers);
    const at = (serverURL: string) => new Mix({ serverURL, retryConfig: { strategy: "none" } });
    await at("http://127.0.0.1:4010").sessions.create({ title: "local" });
    await at("https://gateway.example/mix").sessions.create({ title: "gateway" });
    await at("http://api.test/v2").sessions.create({ title: "narrow" });
    expect(anywhere.sessions().map((s) => s.title)).toEqual(["gateway", "local"]);
    expect(narrow.sessions().map((s) => s.title)).toEqual(["narrow"]);
  });

  it("answers Prefer: code=<status> with the API's envelope, after Prefer: delay=<ms>, leaving the store alone", async () => {
    const mock = useHandlers();
    const id = seeded[0]?.id ?? "";
    const started = performance.now();
    const error = await mix.sessions
      .get({ id }, { headers: { Prefer: "code=404, delay=40" } })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect(error).toMatchObject({ statusCode: 404, message: `Session with ID '${id}' not found` });
    const outage = await mix.sessions
      .create({ title: "x" }, { headers: { Prefer: "code=503" } })
      .catch((e: unknown) => e);
    expect(outage).toMatchObject({ statusCode: 503 });
    expect(mock.sessions()).toEqual(seeded);
  });

  it("injects the statuses of failStatus at failRate", async () => {
    const draws = [0.1, 0.9, 0.1, 0.1];
    const flaky = createMixMock({ failRate: 0.5, failStatus: [418, 502], random: () => draws.shift() ?? 0.9 });
    server.use(...flaky.handlers);
    const first = await fetch("http://localhost:8088/api/sessions");
    const second = await fetch("http://localhost:8088/api/sessions");
    expect([first.status, second.status]).toEqual([502, 418]);
    expect(await second.json()).toEqual({
      error: { code: 418, type: "bad_request", message: "HTTP 418: injected by the mock's fail rate (418)" },
    });
  });

  it("fences off a request under way when reset() runs: what it creates never lands in the new store", async () => {
    const slow = createMixMock({ latencyMs: 100 });
    server.use(...slow.handlers);
    const created = mix.sessions.create({ title: "late" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    slow.reset();
    await expect(created).resolves.toMatchObject({ title: "late" });
    expect(slow.sessions()).toEqual(seeded);
  });

  it('matches any origin with baseURL "*", and rehearses the real server with quirks', async () => {
    useHandlers({ baseURL: "*", seed: "empty", quirks: true });
    const elsewhere = new Mix({ serverURL: "http://127.0.0.1:9/v1", retryConfig: { strategy: "none" } });
    await expect(elsewhere.sessions.list()).resolves.toEqual([]);
    await expect(elsewhere.sessions.create({})).rejects.toMatchObject({ statusCode: 400 });
    await expect(elsewhere.sessions.delete({ id: "nope" })).rejects.toMatchObject({ statusCode: 500 });
    await expect(elsewhere.sessions.cancelProcessing({ id: "nope" })).resolves.toMatchObject({ cancelled: true });
  });

  it("waits latencyMs and injects failures at failRate, leaving the store as it was", async () => {
    const draws = [0.1, 0.5, 0.9, 0.9];
    const flaky = createMixMock({ seed: "empty", latencyMs: 60, failRate: 0.5, random: () => draws.shift() ?? 0.9 });
    server.use(...flaky.handlers);
    const started = performance.now();
    const first = await mix.sessions.create({ title: "x" }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
    // 500 is not a status create documents: MixDefaultError, with the envelope in its body.
    expect(first).toMatchObject({ name: "MixDefaultError", statusCode: 500 });
    expect(JSON.parse((first as { body: string }).body)).toMatchObject({
      error: { code: 500, type: "internal_error" },
    });
    expect(flaky.sessions()).toEqual([]);
    await expect(mix.sessions.create({ title: "y" })).resolves.toMatchObject({ title: "y" });
    expect(flaky.sessions()).toHaveLength(1);
  });

  it("refuses options it cannot use, naming them", () => {
    expect(() => createMixMock({ failRate: 2 })).toThrow("failRate must be a number from 0 to 1");
    expect(() => createMixMock({ latencyMs: [5, 1] })).toThrow("latencyMs must be");
    expect(() => createMixMock({ failStatus: [200] })).toThrow("failStatus must be a list of statuses from 400 to 599");
    expect(() => createMixMock({ seed: [{ id: "x" } as SessionData] })).toThrow(
      "seed session 0, field title: is required",
    );
  });
});
