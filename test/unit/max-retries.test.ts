import { describe, expect, it } from "vitest";
import { defaults } from "../../src/defaults.ts";
import { InvalidRequestError, Mix, type RetryConfig } from "../../src/index.ts";
import { resolvePolicy } from "../../src/retry.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";

const internalError = json(500, {
  error: { code: 500, message: "Internal error during delete", type: "internal_error" },
});
/** Waits of 1 ms and a budget that never runs out in these tests. */
const quick = { initialInterval: 1, maxInterval: 1, exponent: 1, maxElapsedTime: 60_000 };

describe("maxRetries in a retry config", () => {
  it("is 3 when left out, and whatever whole number or Infinity the config gives", () => {
    expect(defaults.retry.maxRetries).toBe(3);
    expect(resolvePolicy(undefined).maxRetries).toBe(3);
    expect(resolvePolicy({ strategy: "backoff", backoff: quick }).maxRetries).toBe(3);
    expect(resolvePolicy({ strategy: "backoff", maxRetries: 0 }).maxRetries).toBe(0);
    expect(resolvePolicy({ strategy: "backoff", maxRetries: 7 }).maxRetries).toBe(7);
    expect(resolvePolicy({ strategy: "backoff", maxRetries: Number.POSITIVE_INFINITY }).maxRetries).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.NEGATIVE_INFINITY, "3", true])(
    "refuses maxRetries %s on the client and on a call, sending nothing",
    async (maxRetries) => {
      const config = { strategy: "backoff", maxRetries } as unknown as RetryConfig;
      expect(() => new Mix({ retryConfig: config })).toThrow(
        expect.objectContaining({ name: "InvalidRequestError", field: "retryConfig.maxRetries" }),
      );
      const fake = fakeFetch(json(200, { data: [] }));
      const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
      const error = await mix.sessions.list({ retries: config }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ field: "retries.maxRetries" });
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe("a call that keeps failing", () => {
  it("stops after the first attempt and 3 retries by default, and logs why", async () => {
    const fake = fakeFetch(internalError);
    const lines: string[] = [];
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      retryConfig: { strategy: "backoff", backoff: quick },
      debugLogger: { debug: (line: string) => lines.push(line) },
    });
    await expect(mix.sessions.delete({ id: "gone" })).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.requests).toHaveLength(4);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/-> 500 \(\d+ ms\); retrying in 1 ms$/);
    expect(lines[3]).toMatch(/-> 500 \(\d+ ms\); not retried: 3 retries done \(maxRetries\)$/);
  });

  it("takes maxRetries from the call's retries before the client's, and says 1 retry in the singular", async () => {
    const fake = fakeFetch(internalError);
    const lines: string[] = [];
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      retryConfig: { strategy: "backoff", backoff: quick, maxRetries: 1 },
      debugLogger: { debug: (line: string) => lines.push(line) },
    });
    await expect(mix.sessions.get({ id: "s1" })).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.requests).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/not retried: 1 retry done \(maxRetries\)$/);
    const retries = { strategy: "backoff", backoff: quick, maxRetries: 0 } satisfies RetryConfig;
    await expect(mix.sessions.get({ id: "s1" }, { retries })).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.requests).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/not retried: 0 retries done \(maxRetries\)$/);
  });

  it("retries until maxElapsedTime alone runs out when maxRetries is Infinity", async () => {
    const fake = fakeFetch(internalError);
    const backoff = { ...quick, maxElapsedTime: 100 };
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      retryConfig: { strategy: "backoff", backoff, maxRetries: Number.POSITIVE_INFINITY },
    });
    await expect(mix.sessions.list()).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.requests.length).toBeGreaterThan(10);
  });
});
