import { describe, expect, it } from "vitest";
import { Mix, RequestTimeoutError } from "../../src/index.ts";
import {
  collectGarbage,
  fastRetries,
  fetchers,
  outcome,
  sendHalfSession,
  sendSession,
  serversClosedAfterEach,
  unavailable,
  whenClosed,
  within,
} from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const serve = serversClosedAfterEach();
const noRetries = { strategy: "none" } as const;

describe("the per-attempt timeout", () => {
  it.each(fetchers)(
    "times out waiting for headers and cancels the request after a GC, through %s",
    async (_, fetch) => {
      let closed: Promise<number> | undefined;
      const server = await serve(async (_req, res) => {
        closed = whenClosed(res);
        // undici loses a Request's own signal once the Request is collected; force that now.
        await collectGarbage();
      });
      const mix = new Mix({ serverURL: server.url, timeoutMs: 100, retryConfig: noRetries, fetch });

      const started = performance.now();
      const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect(ms).toBeGreaterThanOrEqual(90);
      expect(ms).toBeLessThan(1500);
      expect(server.requests).toHaveLength(1);
      const closedAt = await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
      expect(closedAt - (started + ms)).toBeLessThan(500);
    },
  );

  it.each(fetchers)(
    "times out when the body stalls halfway and closes the connection, through %s",
    async (_, fetch) => {
      let closed: Promise<number> | undefined;
      const server = await serve(async (_req, res) => {
        closed = whenClosed(res);
        sendHalfSession(res);
        await collectGarbage();
      });
      const mix = new Mix({ serverURL: server.url, timeoutMs: 100, retryConfig: noRetries, fetch });

      const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect(ms).toBeGreaterThanOrEqual(90);
      expect(ms).toBeLessThan(1500);
      await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
    },
  );

  it("applies a per-call timeoutMs over the client's", async () => {
    const server = await serve(() => {});
    const mix = new Mix({ serverURL: server.url, timeoutMs: 5000, retryConfig: noRetries });

    const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }, { timeoutMs: 100 }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(ms).toBeLessThan(1500);
  });
});

describe("timeouts and retries", () => {
  it("retries a timed-out get when connection errors are retried and returns the session", async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) sendHalfSession(res);
      else sendSession(res);
    });
    const mix = new Mix({ serverURL: server.url, timeoutMs: 100, retryConfig: fastRetries });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a get whose headers never came, with a fresh attempt timer", async () => {
    const server = await serve((_req, res, index) => {
      if (index > 0) sendSession(res);
    });
    const mix = new Mix({ serverURL: server.url, timeoutMs: 100, retryConfig: fastRetries });

    const { value, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(value).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(1500);
  });

  it("cuts the last attempt short when maxElapsedTime runs out, whatever timeoutMs says", async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 503, unavailable);
    });
    const retryConfig = { ...fastRetries, backoff: { ...fastRetries.backoff, maxElapsedTime: 300 } };
    const mix = new Mix({ serverURL: server.url, timeoutMs: 5000, retryConfig });

    const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1500);
  });

  it("does not retry a timed-out get when retryConnectionErrors is off", async () => {
    const server = await serve(() => {});
    const retryConfig = { ...fastRetries, retryConnectionErrors: false };
    const mix = new Mix({ serverURL: server.url, timeoutMs: 100, retryConfig });

    const { error } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});
