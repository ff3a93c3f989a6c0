import { afterEach, describe, expect, it, vi } from "vitest";
import { Mix, MixDefaultError } from "../../src/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Retry-After on the error a call ends with", () => {
  it("is the very wait the retry decision read, even for a date while the clock moves", async () => {
    // Every look at the clock finds it 250 ms later, so each reading of the date gives another wait.
    let now = Date.parse("2030-01-01T00:00:00Z");
    vi.spyOn(Date, "now").mockImplementation(() => {
      now += 250;
      return now;
    });
    const fake = fakeFetch(json(503, {}, { "retry-after": "Tue, 01 Jan 2030 00:00:10 GMT" }));
    const lines: string[] = [];
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 5_000 } },
      debugLogger: { debug: (line: string) => lines.push(line) },
    });

    const error = await mix.sessions.list().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MixDefaultError);
    const planned = Number(/not retried: waiting (\d+) ms would pass maxElapsedTime$/.exec(lines[0] ?? "")?.[1]);
    expect(planned).toBeGreaterThan(5_000);
    expect((error as MixDefaultError).retryAfterMs).toBe(planned);
  });
});
