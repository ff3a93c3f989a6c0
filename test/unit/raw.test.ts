import { describe, expect, it } from "vitest";
import { ConnectionError, Mix, RequestAbortedError } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { fakeFetch, json, refused } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const quick = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, maxElapsedTime: 1000 } } as const;

describe("createRawClient(mix)", () => {
  it("returns openapi-fetch's data and response for a success", async () => {
    const fake = fakeFetch(json(200, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    const { data, error, response } = await createRawClient(mix).GET("/api/sessions/{id}", {
      params: { path: { id: "a/b" } },
    });
    expect(data).toEqual({ data: sampleSession });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(fake.requests[0]?.url).toBe("http://api.test/api/sessions/a%2Fb");
  });

  it("returns an error status as openapi-fetch's error instead of throwing", async () => {
    const envelope = { error: { code: 404, message: "Session with ID 'x' not found", type: "not_found" } };
    const fake = fakeFetch(json(404, envelope));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    const { data, error, response } = await createRawClient(mix).GET("/api/sessions/{id}", {
      params: { path: { id: "x" } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual(envelope);
    expect(response.status).toBe(404);
  });

  it("retries through the same transport, and keeps fork's no-retry rule", async () => {
    const fake = fakeFetch(json(503, {}), json(201, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    const get = await createRawClient(mix).GET("/api/sessions");
    expect(get.response.status).toBe(201);
    const fork = fakeFetch(json(503, {}), json(429, {}), json(201, { data: sampleSession }));
    const forking = new Mix({ serverURL: "http://api.test", fetch: fork.fetch, retryConfig: quick });
    const result = await createRawClient(forking).POST("/api/sessions/{id}/fork", {
      params: { path: { id: "s1" } },
      body: { messageIndex: 2 },
    });
    // fork is not idempotent: the 503 surfaces at once, as through mix.sessions.fork.
    expect(result.response.status).toBe(503);
    expect(fork.requests).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps create's rule and resends identical bytes after a 429", async () => {
    const fake = fakeFetch(json(429, {}), json(201, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    const { data } = await createRawClient(mix).POST("/api/sessions", { body: { title: "t" } });
    expect(data).toEqual({ data: sampleSession });
    expect(fake.bodies).toEqual(['{"title":"t"}', '{"title":"t"}']);
  });

  it("throws only transport errors", async () => {
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fakeFetch(refused()).fetch,
      retryConfig: { strategy: "none" },
    });
    await expect(createRawClient(mix).GET("/api/sessions")).rejects.toBeInstanceOf(ConnectionError);
    const aborted = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(json(200, {})).fetch });
    await expect(createRawClient(aborted).GET("/api/sessions", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
  });
});
