import { describe, expect, it } from "vitest";
import { Mix } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const quick = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, maxElapsedTime: 1000 } } as const;

/** A client over a fake fetch that answers 503 once, then `then`. */
function failingOnce(then = json(200, { data: sampleSession })) {
  const fake = fakeFetch(json(503, {}), then);
  return { fake, mix: new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick }) };
}

/** The raw client without the spec's path types, for routes the spec does not have. */
type Untyped = Record<string, (...args: unknown[]) => Promise<{ response: Response }>>;

describe("which raw client requests are retried", () => {
  it("retries cancel after a 503: the spec marks it idempotent, though it is a POST", async () => {
    const { fake, mix } = failingOnce(json(200, { data: { cancelled: true } }));
    const { response } = await createRawClient(mix).POST("/api/sessions/{id}/cancel", {
      params: { path: { id: "s1" } },
    });
    expect(response.status).toBe(200);
    expect(fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /api/sessions/s1/cancel",
      "POST /api/sessions/s1/cancel",
    ]);
  });

  it("does not retry create after a 503, though list has the same path", async () => {
    const { fake, mix } = failingOnce();
    const { response } = await createRawClient(mix).POST("/api/sessions", { body: { title: "t" } });
    expect(response.status).toBe(503);
    expect(fake.requests).toHaveLength(1);
  });

  it("treats a route the spec does not have as idempotent by its HTTP method", async () => {
    const sent = async (method: string) => {
      const { fake, mix } = failingOnce(json(200, {}));
      await (createRawClient(mix) as unknown as Untyped).request?.(method, "/api/other");
      return fake.requests.length;
    };
    const counts = Object.fromEntries(
      await Promise.all(["get", "head", "options", "put", "delete", "post"].map(async (m) => [m, await sent(m)])),
    );
    expect(counts).toEqual({ get: 2, head: 2, options: 2, put: 2, delete: 2, post: 1 });
  });
});

describe("the raw client's methods", () => {
  it("has each of openapi-fetch's methods, sending through the SDK's transport", async () => {
    const fake = fakeFetch(json(200, {}));
    const raw = createRawClient(new Mix({ serverURL: "http://api.test", fetch: fake.fetch })) as unknown as Untyped;
    for (const name of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"]) {
      expect(typeof raw[name], name).toBe("function");
    }
    await raw.OPTIONS?.("/api/sessions");
    await raw.HEAD?.("/api/sessions");
    await raw.PATCH?.("/api/sessions");
    await raw.request?.("get", "/api/sessions");
    expect(fake.requests.map((r) => r.method)).toEqual(["OPTIONS", "HEAD", "PATCH", "GET"]);
  });

  it("checks a per-call baseUrl on every method, sending nothing with credentials in it", async () => {
    const fake = fakeFetch(json(200, {}));
    const raw = createRawClient(new Mix({ serverURL: "http://api.test", fetch: fake.fetch })) as unknown as Untyped;
    const baseUrl = "http://admin:hunter2@api.test";
    for (const name of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]) {
      await expect(raw[name]?.("/api/sessions", { baseUrl }), name).rejects.toMatchObject({ field: "baseUrl" });
    }
    await expect(raw.request?.("get", "/api/sessions", { baseUrl })).rejects.toMatchObject({ field: "baseUrl" });
    expect(fake.requests).toHaveLength(0);
  });
});
