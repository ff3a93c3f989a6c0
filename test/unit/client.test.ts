import { afterEach, describe, expect, it, vi } from "vitest";
import { specServerURL } from "../../generated/operations.ts";
import { ConnectionError, Mix, RequestAbortedError, RequestTimeoutError } from "../../src/index.ts";
import { fakeFetch, headersOf, json } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";
import { expectOnTime, type Reference, referenceTimer } from "../helpers/timing.ts";

const refusedCause = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("server URL", () => {
  it("defaults to MIX_SERVER_URL, then to the spec's server", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    vi.stubEnv("MIX_SERVER_URL", "http://from-env.test:9000/");
    await new Mix({ fetch: fake.fetch }).sessions.list();
    vi.stubEnv("MIX_SERVER_URL", undefined);
    await new Mix({ fetch: fake.fetch }).sessions.list();
    expect(fake.requests.map((r) => r.url)).toEqual([
      "http://from-env.test:9000/api/sessions",
      `${specServerURL}/api/sessions`,
    ]);
  });

  it("ignores an empty MIX_SERVER_URL and names the variable when it is invalid", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    vi.stubEnv("MIX_SERVER_URL", "");
    await new Mix({ fetch: fake.fetch }).sessions.list();
    expect(fake.requests[0]?.url).toBe(`${specServerURL}/api/sessions`);
    vi.stubEnv("MIX_SERVER_URL", "localhost:8088");
    expect(() => new Mix()).toThrow(expect.objectContaining({ field: "MIX_SERVER_URL" }));
    // A bad serverURL given in code is named as such, whatever the environment holds.
    expect(() => new Mix({ serverURL: "localhost:9" })).toThrow(expect.objectContaining({ field: "serverURL" }));
  });

  it("refuses a server URL that is not a string or not http(s), such as a URL object or xhttp:", async () => {
    for (const serverURL of [new URL("http://api.test"), "xhttp://api.test", "web+http://api.test"]) {
      expect(() => new Mix({ serverURL: serverURL as string })).toThrow(
        expect.objectContaining({ field: "serverURL" }),
      );
    }
  });

  it("drops a trailing slash and lets one call use another server", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    const mix = new Mix({ serverURL: "http://api.test/base/", fetch: fake.fetch });
    await mix.sessions.list();
    await mix.sessions.list({ serverURL: "http://other.test//" });
    expect(fake.requests.map((r) => r.url)).toEqual([
      "http://api.test/base/api/sessions",
      "http://other.test/api/sessions",
    ]);
  });
});

describe("headers", () => {
  it("adds no header but Content-Type, and that only when there is a body", async () => {
    const fake = fakeFetch(json(200, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    await mix.sessions.get({ id: "s1" });
    await mix.sessions.create({ title: "t" });
    expect(headersOf(fake.requests[0])).toEqual({});
    expect(headersOf(fake.requests[1])).toEqual({ "content-type": "application/json" });
  });

  it("sends the client's headers on every call, merged under the call's own", async () => {
    const fake = fakeFetch(json(200, { data: sampleSession }));
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      headers: { Authorization: "Bearer a", "X-Team": "core" },
    });
    await mix.sessions.get({ id: "s1" });
    await mix.sessions.create({ title: "t" }, { headers: { authorization: "Bearer b", "X-Requested-With": "mix" } });
    await mix.sessions.create({ title: "t" });
    expect(headersOf(fake.requests[0])).toEqual({ authorization: "Bearer a", "x-team": "core" });
    expect(headersOf(fake.requests[2])).toEqual({
      authorization: "Bearer a",
      "content-type": "application/json",
      "x-team": "core",
    });
    expect(headersOf(fake.requests[1])).toEqual({
      authorization: "Bearer b",
      "content-type": "application/json",
      "x-requested-with": "mix",
      "x-team": "core",
    });
  });
});

describe("results", () => {
  it("unwraps data and passes unknown fields through", async () => {
    const extended = { ...sampleSession, pinned: true };
    const fake = fakeFetch(json(200, { data: extended, message: "ok" }));
    expect(await new Mix({ serverURL: "http://api.test", fetch: fake.fetch }).sessions.get({ id: "s1" })).toEqual(
      extended,
    );
  });

  it.each([
    ["data: null", { data: null }],
    ["no data", {}],
  ])("returns [] for a list with %s", async (_, body) => {
    const fake = fakeFetch(json(200, body));
    expect(await new Mix({ serverURL: "http://api.test", fetch: fake.fetch }).sessions.list()).toEqual([]);
  });

  it("reports cancelled: true when the server answers {status: 'cancelled'}", async () => {
    const fake = fakeFetch(
      json(200, { data: { status: "cancelled", sessionId: "s1" } }),
      json(200, { data: { cancelled: false } }),
    );
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    expect(await mix.sessions.cancelProcessing({ id: "s1" })).toEqual({
      cancelled: true,
      status: "cancelled",
      sessionId: "s1",
    });
    expect(await mix.sessions.cancelProcessing({ id: "s1" })).toEqual({ cancelled: false });
  });

  it("adds cancelled: true only for status 'cancelled', and never over the server's own cancelled", async () => {
    const fake = fakeFetch(
      json(200, { data: { status: "queued", sessionId: "s1" } }),
      json(200, { data: { status: "cancelled", cancelled: false } }),
    );
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    expect(await mix.sessions.cancelProcessing({ id: "s1" })).toEqual({ status: "queued", sessionId: "s1" });
    expect(await mix.sessions.cancelProcessing({ id: "s1" })).toEqual({ status: "cancelled", cancelled: false });
  });

  it("adds cancelled to cancel's answer only, not to a session that has a status field", async () => {
    const session = { ...sampleSession, status: "cancelled" };
    const fake = fakeFetch(json(200, { data: session }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    expect(await mix.sessions.get({ id: "s1" })).toEqual(session);
  });

  it("resolves delete with undefined", async () => {
    const fake = fakeFetch(new Response(null, { status: 204 }));
    expect(
      await new Mix({ serverURL: "http://api.test", fetch: fake.fetch }).sessions.delete({ id: "s1" }),
    ).toBeUndefined();
    expect(fake.requests[0]?.method).toBe("DELETE");
  });
});

describe("retries through an injected fetch", () => {
  const quick = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, maxElapsedTime: 1000 } } as const;

  it("calls fetch once per attempt with a rebuilt, identical Request", async () => {
    const fake = fakeFetch(json(503, {}), json(502, {}), json(201, { data: sampleSession }));
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      retryConfig: quick,
      headers: { "x-team": "core" },
    });
    await mix.sessions.create({ title: "t" }, { retries: quick });
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests).size).toBe(3);
    for (const request of fake.requests) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe("http://api.test/api/sessions");
      expect(headersOf(request)).toEqual(headersOf(fake.requests[0]));
    }
    expect(new Set(fake.bodies)).toEqual(new Set(['{"title":"t"}']));
  });

  it("does not retry create on a 503 unless the call passes retries", async () => {
    const fake = fakeFetch(json(503, {}), json(201, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    await expect(mix.sessions.create()).rejects.toMatchObject({ statusCode: 503 });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [
      "Node",
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      }),
    ],
    ["Bun", Object.assign(new TypeError("ECONNREFUSED: Unable to connect."), { code: "ECONNREFUSED" })],
    [
      "Deno",
      new TypeError("fetch failed", {
        cause: new Error("client error (Connect): tcp connect error: Connection refused (os error 111)"),
      }),
    ],
    [
      "Node, both address families",
      new TypeError("fetch failed", { cause: new AggregateError([refusedCause(), refusedCause()]) }),
    ],
  ])("retries create after a refused connection as %s reports it", async (_, error) => {
    const fake = fakeFetch(error, json(201, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    expect(await mix.sessions.create()).toEqual(sampleSession);
    expect(fake.requests).toHaveLength(2);
  });

  it("does not retry create after a connection error that is not a refusal", async () => {
    const fake = fakeFetch(new TypeError("fetch failed", { cause: new Error("other side closed") }), json(201, {}));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    await expect(mix.sessions.create()).rejects.toBeInstanceOf(ConnectionError);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries create after a 429", async () => {
    const fake = fakeFetch(json(429, {}), json(201, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    expect(await mix.sessions.create()).toEqual(sampleSession);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("timeouts and abort with a fetch that ignores its signal", () => {
  const hanging = () => new Promise<Response>(() => {});

  it("times out at timeoutMs even when the fetch never settles", async () => {
    let timeout: Reference | undefined;
    // The SDK arms its timer as soon as fetch returns: arm the reference as fetch is called.
    const armed = () => {
      timeout = referenceTimer(250);
      return hanging();
    };
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: armed,
      timeoutMs: 250,
      retryConfig: { strategy: "none" },
    });

    await expect(mix.sessions.list()).rejects.toBeInstanceOf(RequestTimeoutError);
    await expectOnTime("the timeout", performance.now(), timeout as Reference);
  });

  it("aborts at once, with the signal's reason as cause", async () => {
    const mix = new Mix({ serverURL: "http://api.test", fetch: hanging });
    const controller = new AbortController();
    const call = mix.sessions.list({ signal: controller.signal });
    const reason = new Error("user left");
    controller.abort(reason);
    await expect(call).rejects.toSatisfy((e: unknown) => e instanceof RequestAbortedError && e.cause === reason);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    await expect(mix.sessions.list({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(fake.requests).toHaveLength(0);
  });

  it("leaves no timer behind when a custom fetch aborts the call synchronously", async () => {
    const controller = new AbortController();
    const aborting = (request: Request) => {
      controller.abort(new Error("gone"));
      return hanging().then(() => new Response(request.url));
    };
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const mix = new Mix({ serverURL: "http://api.test", fetch: aborting, timeoutMs: 60_000 });
    await expect(mix.sessions.list({ signal: controller.signal })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(timers()).toBe(before);
  });

  it("arms no timer at all with timeoutMs: 0 and retries off", async () => {
    const controller = new AbortController();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: hanging,
      timeoutMs: 0,
      retryConfig: { strategy: "none" },
    });
    const before = timers();
    const call = mix.sessions.list({ signal: controller.signal });
    const during = timers();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(RequestAbortedError);
    expect(during).toBe(before);
  });

  it("treats a timeout past 2^31 - 1 ms as that long, not as 1 ms", async () => {
    const slow = fakeFetch(
      () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(200, { data: [] })), 30)),
    );
    // With retries off there is no budget to shorten the attempt: the timer gets 2^31 ms.
    const none = { strategy: "none" } as const;
    const mix = new Mix({ serverURL: "http://api.test", fetch: slow.fetch, timeoutMs: 2 ** 31, retryConfig: none });
    expect(await mix.sessions.list()).toEqual([]);
  });

  it("waits as long as a Retry-After past 2^31 - 1 ms asks, not 1 ms", async () => {
    const busy = fakeFetch(json(503, {}, { "retry-after": String(40 * 24 * 3600) }), json(200, { data: [] }));
    const budget = { strategy: "backoff", backoff: { maxElapsedTime: 1e12 } } as const;
    const mix = new Mix({ serverURL: "http://api.test", fetch: busy.fetch, retryConfig: budget });
    const call = mix.sessions.list({ signal: AbortSignal.timeout(100) });
    await expect(call).rejects.toBeInstanceOf(RequestAbortedError);
    expect(busy.requests).toHaveLength(1);
  });

  it("aborts the request it handed to fetch when the timeout fires", async () => {
    let seen: Request | undefined;
    const watching = (request: Request) => {
      seen = request;
      return hanging();
    };
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: watching,
      timeoutMs: 10,
      retryConfig: { strategy: "none" },
    });
    await expect(mix.sessions.list()).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(seen?.signal.aborted).toBe(true);
  });
});
