import { afterEach, describe, expect, it, vi } from "vitest";
import { Mix } from "../../src/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";

afterEach(() => {
  vi.doUnmock("../../src/raw-client.ts");
});

describe("mix.raw's lazy load", () => {
  it("tries the load again on the next call after it failed once", async () => {
    vi.doMock("../../src/raw-client.ts", () => {
      throw new Error("chunk failed to load");
    });
    const fake = fakeFetch(json(200, { data: [] }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    await expect(mix.raw.GET("/api/sessions")).rejects.toThrow();
    vi.doUnmock("../../src/raw-client.ts");
    const { response } = await mix.raw.GET("/api/sessions");
    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });
});
