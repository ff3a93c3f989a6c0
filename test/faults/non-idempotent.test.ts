import { createServer } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism.ts";
import {
  ConnectionError,
  Mix,
  MixDefaultError,
  type RequestOptions,
  RequestTimeoutError,
  type RetryConfig,
} from "../../src/index.ts";
import { delay, fastRetries, outcome, sendSession, serversClosedAfterEach, unavailable } from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";
import { expectOnTime, referenceTimer, warmUpFetch } from "../helpers/timing.ts";

const serve = serversClosedAfterEach();
beforeAll(warmUpFetch);

/** The two calls that create a session, so a repeated request could create two. */
const creating = {
  create: (mix: Mix, options?: RequestOptions) => mix.sessions.create({ title: "Refactor billing" }, options),
  fork: (mix: Mix, options?: RequestOptions) => mix.sessions.fork({ id: "s1", messageIndex: 2 }, options),
};
const names = Object.keys(creating) as (keyof typeof creating)[];

describe("create and fork under the client's retry policy", () => {
  it.each(names)("%s does not retry a 503, since the server may have acted", async (name) => {
    const server = await serve((_req, res) => sendJson(res, 503, unavailable));
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const { error } = await outcome(() => creating[name](mix));

    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it.each(names)("%s does not retry after the connection drops before an answer", async (name) => {
    const server = await serve((_req, res) => {
      res.socket?.destroy();
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const { error } = await outcome(() => creating[name](mix));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it.each(names)("%s does not retry a timed-out attempt", async (name) => {
    const server = await serve(() => {});
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries, timeoutMs: 100 });

    const timeout = referenceTimer(100);
    const { error, settledAt } = await outcome(() => creating[name](mix));

    expect(error).toBeInstanceOf(RequestTimeoutError);
    await expectOnTime("the timeout", settledAt, timeout);
    expect(server.requests).toHaveLength(1);
  });

  it.each(names)("%s retries after a 429 and returns the session", async (name) => {
    const server = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 429, { error: { code: 429, message: "Slow down", type: "rate_limited" } });
      else sendSession(res, 201);
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const session = await creating[name](mix);

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
  });

  it("retries create when the connection was refused, since nothing reached the server", async () => {
    const port = await freePort();
    const seen: { method: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.push({ method: req.method ?? "", body });
        sendSession(res, 201);
      });
    });
    const retryConfig: RetryConfig = {
      strategy: "backoff",
      backoff: { initialInterval: 150, maxInterval: 150, exponent: 1, maxElapsedTime: 3000 },
    };
    const lines: string[] = [];
    const debugLogger = { debug: (line: string) => lines.push(line) };
    const mix = new Mix({ serverURL: `http://127.0.0.1:${port}`, retryConfig, debugLogger });
    try {
      const call = outcome(() => mix.sessions.create({ title: "Refactor billing" }));
      await delay(50);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", resolve);
      });

      const { value, error } = await call;

      expect(error).toBeUndefined();
      expect(value).toEqual(sampleSession);
      expect(seen).toEqual([{ method: "POST", body: JSON.stringify({ title: "Refactor billing" }) }]);
      expect(lines[0]).toMatch(/ConnectionError.*retrying in/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("create and fork with retries passed on the call", () => {
  it.each(names)("%s opts into the full policy: a 503 is retried with the same body", async (name) => {
    const server = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 503, unavailable);
      else sendSession(res, 201);
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "none" } });

    const session = await creating[name](mix, { retries: fastRetries });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(first?.body).not.toBe("");
    expect(second).toEqual(first);
  });
});
