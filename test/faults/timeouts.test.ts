import { beforeAll, describe, expect, it } from "vitest";
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
import { expectBetween, expectOnTime, referenceTimer, warmUpFetch } from "../helpers/timing.ts";

const serve = serversClosedAfterEach();
const noRetries = { strategy: "none" } as const;

beforeAll(warmUpFetch);

describe("the per-attempt timeout", () => {
  it.each(fetchers)("fires at timeoutMs while waiting for headers, through %s", async (_, fetch) => {
    const server = await serve(() => {});
    const mix = new Mix({ serverURL: server.url, timeoutMs: 250, retryConfig: noRetries, fetch });

    const timeout = referenceTimer(250);
    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    await expectOnTime("the timeout", settledAt, timeout);
  });

  it.each(fetchers)("fires at timeoutMs while the body stalls halfway, through %s", async (_, fetch) => {
    const server = await serve((_req, res) => sendHalfSession(res));
    const mix = new Mix({ serverURL: server.url, timeoutMs: 250, retryConfig: noRetries, fetch });

    const timeout = referenceTimer(250);
    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    await expectOnTime("the timeout", settledAt, timeout);
  });

  it.each(fetchers)(
    "times out waiting for headers and cancels the request after a GC, through %s",
    async (_, fetch) => {
      let closed: Promise<number> | undefined;
      let collected: Promise<number> | undefined;
      const server = await serve((_req, res) => {
        closed = whenClosed(res);
        // undici loses a Request's own signal once the Request is collected; force that now.
        collected = collectGarbage();
      });
      // Long enough for the request to reach the server and the collections to run on a busy machine.
      const mix = new Mix({ serverURL: server.url, timeoutMs: 400, retryConfig: noRetries, fetch });

      const timeout = referenceTimer(400);
      const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect(server.requests).toHaveLength(1);
      await expectOnTime("the timeout", settledAt, timeout, await collected);
      const closedAt = await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
      expect(closedAt - settledAt).toBeLessThan(500);
    },
  );

  it.each(fetchers)(
    "times out when the body stalls halfway and closes the connection after a GC, through %s",
    async (_, fetch) => {
      let closed: Promise<number> | undefined;
      let collected: Promise<number> | undefined;
      const server = await serve((_req, res) => {
        closed = whenClosed(res);
        sendHalfSession(res);
        collected = collectGarbage();
      });
      // Long enough for the request to reach the server and the collections to run on a busy machine.
      const mix = new Mix({ serverURL: server.url, timeoutMs: 400, retryConfig: noRetries, fetch });

      const timeout = referenceTimer(400);
      const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

      expect(error).toBeInstanceOf(RequestTimeoutError);
      await expectOnTime("the timeout", settledAt, timeout, await collected);
      await within(closed ?? Promise.reject(new Error("no request")), 600, "the connection close");
    },
  );

  it("applies a per-call timeoutMs over the client's", async () => {
    const server = await serve(() => {});
    const mix = new Mix({ serverURL: server.url, timeoutMs: 5000, retryConfig: noRetries });

    const timeout = referenceTimer(250);
    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }, { timeoutMs: 250 }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    await expectOnTime("the per-call timeout", settledAt, timeout);
  });
});

describe("timeoutMs: 0", () => {
  it("never times out an attempt, set on the client or on the call", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendSession(res), 50);
    });
    const none = new Mix({ serverURL: server.url, timeoutMs: 0, retryConfig: noRetries });
    const short = new Mix({ serverURL: server.url, timeoutMs: 20, retryConfig: noRetries });
    const withBudget = new Mix({ serverURL: server.url, timeoutMs: 0, retryConfig: fastRetries });

    await expect(none.sessions.get({ id: "s1" })).resolves.toEqual(sampleSession);
    await expect(short.sessions.get({ id: "s1" }, { timeoutMs: 0 })).resolves.toEqual(sampleSession);
    await expect(withBudget.sessions.get({ id: "s1" })).resolves.toEqual(sampleSession);
    expect(server.requests).toHaveLength(3);
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

    // The first attempt times out at 100 ms, then the first wait lasts 5 to 10 ms.
    const [earliest, latest] = [referenceTimer(105), referenceTimer(110)];
    const { value, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(value).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    await expectBetween("the retried call", settledAt, earliest, latest);
  });

  it("cuts the last attempt short when maxElapsedTime runs out, whatever timeoutMs says", async () => {
    // The first answer takes 200 ms, so only 100 ms of the budget are left for the second attempt.
    const server = await serve((_req, res, index) => {
      if (index === 0) setTimeout(() => sendJson(res, 503, unavailable), 200);
    });
    const retryConfig = { ...fastRetries, backoff: { ...fastRetries.backoff, maxElapsedTime: 300 } };
    const mix = new Mix({ serverURL: server.url, timeoutMs: 5000, retryConfig });

    const budget = referenceTimer(300);
    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(server.requests).toHaveLength(2);
    await expectOnTime("the end of maxElapsedTime", settledAt, budget);
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
