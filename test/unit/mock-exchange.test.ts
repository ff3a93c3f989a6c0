import { describe, expect, it } from "vitest";
import { maxBodyBytes, planExchange, type Scenario } from "../../src/mock/exchange.ts";
import {
  checkFailRate,
  checkFailStatus,
  checkLatency,
  defaultFailStatus,
  injectedFailure,
  pickFault,
  pickLatency,
} from "../../src/mock/faults.ts";
import { parsePrefer } from "../../src/mock/prefer.ts";

const id = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";
const never: Scenario = { random: () => 0.5 };
const plan = (prefer: string | null, pathname = `/api/sessions/${id}`, scenario = never, method = "GET") =>
  planExchange({ method, pathname, prefer, bodyBytes: 0 }, scenario);
const envelope = (code: number, type: string, message: string) => ({ error: { code, type, message } });

describe("what happens to a request before the model (planExchange)", () => {
  it("refuses a path with a % not followed by two hex digits first, and names the violation", () => {
    expect(
      planExchange({ method: "GET", pathname: "/api/sessions/100%", prefer: "code=500", bodyBytes: 9e9 }, never),
    ).toEqual({
      delayMs: 0,
      response: {
        status: 400,
        body: envelope(400, "bad_request", 'Invalid request path: a "%" is not followed by two hex digits'),
      },
      violation: { location: "path", message: 'The path has a "%" that is not followed by two hex digits' },
    });
  });

  it("refuses a body over 1 MiB with 413, and takes one of exactly 1 MiB", () => {
    const at = (bodyBytes: number) =>
      planExchange({ method: "POST", pathname: "/api/sessions", prefer: null, bodyBytes }, never);
    expect(at(maxBodyBytes)).toEqual({ delayMs: 0 });
    expect(at(maxBodyBytes + 1)).toEqual({
      delayMs: 0,
      response: {
        status: 413,
        body: envelope(413, "bad_request", "Request body too large: 1048577 bytes, the limit is 1048576"),
      },
      violation: { location: "body", message: "The body is larger than the mock's limit of 1048576 bytes" },
    });
  });

  it("answers Prefer: code=<4XX|5XX> instead of the model, naming the operation and the id", () => {
    expect(plan("code=404")).toEqual({
      delayMs: 0,
      response: { status: 404, body: envelope(404, "not_found", `Session with ID '${id}' not found`) },
      note: "injected by Prefer: code=404",
    });
    const words = [
      ["GET", "/api/sessions", "list sessions"],
      ["POST", "/api/sessions", "create session"],
      ["GET", `/api/sessions/${id}`, "get session"],
      ["DELETE", `/api/sessions/${id}`, "delete session"],
      ["POST", `/api/sessions/${id}/fork`, "fork session"],
      ["POST", `/api/sessions/${id}/cancel`, "cancel session processing"],
      ["PUT", "/api/sessions", "request"],
      ["GET", "/elsewhere", "request"],
    ];
    for (const [method, pathname, operation] of words)
      expect(plan("code=500", pathname, never, method).response?.body).toEqual(
        envelope(500, "internal_error", `Internal error during ${operation}: injected by Prefer: code=500`),
      );
  });

  it("waits the latency plus Prefer: delay, then answers the model (no response)", () => {
    expect(plan("delay=30", "/api/sessions", { latency: [10, 20], random: () => 0.5 })).toEqual({ delayMs: 45 });
    expect(plan("delay=30, code=503", "/api/sessions", { latency: 5, random: () => 0 })).toMatchObject({
      delayMs: 35,
      response: { status: 503 },
    });
  });

  it("ignores a 1XX to 3XX code and says so; refuses a Prefer it cannot follow with 400", () => {
    expect(plan("code=399")).toEqual({ delayMs: 0, note: "Prefer: code=399 ignored: only 4XX and 5XX are injected" });
    expect(plan("code=400").response?.status).toBe(400);
    const problem = 'Prefer: code must be an HTTP status from 100 to 599, got "abc"';
    expect(plan("code=abc")).toEqual({
      delayMs: 0,
      response: { status: 400, body: envelope(400, "bad_request", problem) },
      note: problem,
    });
  });

  it("leaves a documented code, and any code below 400, to Prism when Prism alone answers", () => {
    const prism: Scenario = { random: () => 0.5, preferToPrism: true };
    expect(plan("code=404", `/api/sessions/${id}`, prism)).toEqual({ delayMs: 0 });
    expect(plan("code=200", `/api/sessions/${id}`, prism)).toEqual({ delayMs: 0 });
    expect(plan("code=503", `/api/sessions/${id}`, prism).response?.status).toBe(503);
    expect(plan("code=404", "/elsewhere", prism).response?.status).toBe(404);
  });

  it("injects a failure at the fail rate, the model otherwise", () => {
    const draws = [0.1, 0.99, 0.9];
    const flaky: Scenario = { failRate: 0.5, failStatus: [418, 502], random: () => draws.shift() ?? 0 };
    expect(plan(null, "/api/sessions", flaky)).toEqual({
      delayMs: 0,
      response: {
        status: 502,
        body: envelope(
          502,
          "internal_error",
          "Internal error during list sessions: injected by the mock's fail rate (502)",
        ),
      },
      note: "injected by the fail rate",
    });
    expect(plan(null, "/api/sessions", flaky)).toEqual({ delayMs: 0 });
  });
});

describe("Prefer, read as Prism reads it", () => {
  it.each([
    [null, {}],
    ["", {}],
    ["code=404", { code: 404 }],
    [" CODE = 503 ,delay= 20 ", { code: 503, delay: 20 }],
    ['code="418"; x=1, return=minimal', { code: 418 }],
    ["return=minimal, respond-async, wait", {}],
    ["code=100, delay=0", { code: 100, delay: 0 }],
    ["code=599, delay=600000", { code: 599, delay: 600_000 }],
    ['delay=""5""', 'Prefer: delay must be milliseconds from 0 to 600000, got ""5""'],
  ])("reads %j", (header, expected) => {
    const result = parsePrefer(header);
    expect(result).toEqual(
      typeof expected === "string" ? { ok: false, problem: expected } : { ok: true, preferences: expected },
    );
  });

  it.each([["code=99"], ["code=600"], ["code=4O4"], ["code="], ["code=1.5"], ["code=-1"]])("refuses %s", (header) => {
    expect(parsePrefer(header)).toEqual({
      ok: false,
      problem: `Prefer: code must be an HTTP status from 100 to 599, got "${header.slice(5)}"`,
    });
  });

  it.each([["delay=600001"], ["delay=abc"], ["delay=-5"], ["delay=1e3"]])("refuses %s", (header) => {
    expect(parsePrefer(header)).toEqual({
      ok: false,
      problem: `Prefer: delay must be milliseconds from 0 to 600000, got "${header.slice(6)}"`,
    });
  });
});

describe("injected failures", () => {
  it.each([
    [400, {}, "bad_request", "Invalid request: why"],
    [401, {}, "unauthorized", "Unauthorized: why"],
    [403, {}, "bad_request", "Forbidden: why"],
    [404, {}, "not_found", "Not found: why"],
    [404, { id: "x" }, "not_found", "Session with ID 'x' not found"],
    [408, {}, "bad_request", "Request timeout: why"],
    [409, {}, "bad_request", "Conflict: why"],
    [418, { id: "x" }, "bad_request", "HTTP 418: why"],
    [429, {}, "bad_request", "Too many requests: why"],
    [500, {}, "internal_error", "Internal error during request: why"],
    [503, { operation: "get session", id: "x" }, "internal_error", "Internal error during get session: why"],
  ])("%i %j is %s: %s", (status, context, type, message) => {
    const response = injectedFailure(status, "why", context);
    expect(response.body).toEqual(envelope(status, type, message));
    expect(response.headers).toEqual(status === 429 ? { "retry-after": "1" } : undefined);
  });

  it("draws whether to fail, then which status, each as likely", () => {
    expect(defaultFailStatus).toEqual([429, 500, 503]);
    const draws =
      (...values: number[]) =>
      () =>
        values.shift() ?? 0;
    expect(pickFault(undefined, undefined, draws(0))).toBeUndefined();
    expect(pickFault(0.5, undefined, draws(0.5))).toBeUndefined();
    expect(pickFault(0.5, undefined, draws(0.49, 0))?.status).toBe(429);
    expect(pickFault(0.5, undefined, draws(0.49, 0.34))?.status).toBe(500);
    expect(pickFault(0.5, undefined, draws(0.49, 0.99))?.status).toBe(503);
    expect(pickFault(1, [404], draws(0.99, 0.99), { id: "s" })?.body).toEqual(
      envelope(404, "not_found", "Session with ID 's' not found"),
    );
  });

  it("picks a latency: none, a fixed one, or one drawn from a range", () => {
    expect(pickLatency(undefined, () => 0.5)).toBe(0);
    expect(pickLatency(40, () => 0.5)).toBe(40);
    expect(pickLatency([100, 200], () => 0.25)).toBe(125);
    expect(pickLatency([100, 200], () => 0)).toBe(100);
  });

  it("checks fail rates, statuses and latencies, naming what is wrong", () => {
    expect([checkFailRate(undefined), checkFailRate(0), checkFailRate(1)]).toEqual([undefined, 0, 1]);
    for (const bad of [-0.1, 1.1, Number.NaN, "0.5"])
      expect(() => checkFailRate(bad)).toThrow(`failRate must be a number from 0 to 1, got ${String(bad)}`);
    expect([checkFailStatus(undefined), checkFailStatus([400, 599])]).toEqual([undefined, [400, 599]]);
    for (const bad of [[], [399], [600], [404.5], "500", [500, "x"]])
      expect(() => checkFailStatus(bad)).toThrow(
        `failStatus must be a list of statuses from 400 to 599, got ${JSON.stringify(bad)}`,
      );
    expect([checkLatency(undefined), checkLatency(0), checkLatency([0, 0]), checkLatency([1, 5])]).toEqual([
      undefined,
      0,
      [0, 0],
      [1, 5],
    ]);
    for (const bad of [-1, 1.5, [5, 1], [1], [1, 2, 3], [-1, 2], [1, 2.5], "5"])
      expect(() => checkLatency(bad)).toThrow(
        `latencyMs must be milliseconds >= 0 or a range [min, max], got ${JSON.stringify(bad)}`,
      );
  });
});

describe("Prefer, the edges", () => {
  it("ignores a preference that is not the mock's, even one that starts like it, and reads quotes only around the whole value", () => {
    expect(parsePrefer("codex, delayed=5, respond-async")).toEqual({ ok: true, preferences: {} });
    expect(parsePrefer('code=x"5"')).toEqual({
      ok: false,
      problem: 'Prefer: code must be an HTTP status from 100 to 599, got "x"5""',
    });
    expect(parsePrefer('code="5"x')).toEqual({
      ok: false,
      problem: 'Prefer: code must be an HTTP status from 100 to 599, got ""5"x"',
    });
    expect(parsePrefer("code")).toEqual({
      ok: false,
      problem: 'Prefer: code must be an HTTP status from 100 to 599, got ""',
    });
    expect(parsePrefer("code=4=04")).toEqual({
      ok: false,
      problem: 'Prefer: code must be an HTTP status from 100 to 599, got "4=04"',
    });
  });

  it("leaves a 400 to Prism alone only where the operation documents it", () => {
    const prism: Scenario = { random: () => 0.5, preferToPrism: true };
    expect(plan("code=400", "/api/sessions", prism, "POST")).toEqual({ delayMs: 0 });
    expect(plan("code=400", `/api/sessions/${id}`, prism).response?.status).toBe(400);
  });
});
