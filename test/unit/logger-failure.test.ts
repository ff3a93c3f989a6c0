import { afterEach, describe, expect, it } from "vitest";
import { Mix, RESTResponseError } from "../../src/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const notFound = json(404, { error: { code: 404, message: "Session with ID 's1' not found", type: "not_found" } });
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  unhandled.length = 0;
});

/** A client on a fake server that answers 503 (asking for a 30 ms wait), then the session. */
function flakyClient(debug: (line: string) => unknown) {
  const fake = fakeFetch(json(503, {}, { "retry-after-ms": "30" }), json(200, { data: sampleSession }));
  const times: number[] = [];
  const fetch = (request: Request) => {
    times.push(performance.now());
    return fake.fetch(request);
  };
  const mix = new Mix({ serverURL: "http://api.test", fetch, debugLogger: { debug } as never });
  return { mix, fake, times };
}

describe("a debugLogger that fails", () => {
  it("does not fail a call when its debug throws, nor skip the planned retry and its wait", async () => {
    let lines = 0;
    const { mix, fake, times } = flakyClient(() => {
      lines++;
      throw new Error("log sink is full");
    });
    await expect(mix.sessions.get({ id: "s1" })).resolves.toEqual(sampleSession);
    expect(lines).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(29);
  });

  it("keeps a failing call's own error when debug throws", async () => {
    const fake = fakeFetch(notFound);
    const debugLogger = {
      debug: () => {
        throw new TypeError("log sink is full");
      },
    };
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, debugLogger });
    await expect(mix.sessions.get({ id: "s1" })).rejects.toBeInstanceOf(RESTResponseError);
  });

  it("leaves no unhandled rejection when an async debug rejects", async () => {
    process.on("unhandledRejection", onUnhandled);
    const { mix, fake } = flakyClient(async () => {
      throw new Error("remote log sink is down");
    });
    await expect(mix.sessions.get({ id: "s1" })).resolves.toEqual(sampleSession);
    expect(fake.requests).toHaveLength(2);
    // Unhandled rejections are reported after the microtask queue drains.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });
});
