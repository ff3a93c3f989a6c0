import { afterEach, describe, expect, it, vi } from "vitest";
import { Mix, MixDefaultError, RESTResponseError } from "../../src/index.ts";
import { fakeFetch, json, refused, text } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const secrets = {
  authorization: "Bearer sk-live-123456",
  cookie: "sid=cookie-secret; theme=second-cookie-secret",
  "proxy-authorization": "Basic cHJveHk6c2VjcmV0",
  "x-api-key": "key-abcdef",
};
const secretParts = ["sk-live-123456", "cookie-secret", "second-cookie-secret", "cHJveHk6c2VjcmV0", "key-abcdef"];

function logger() {
  const lines: string[] = [];
  return { lines, debugLogger: { debug: (line: string) => lines.push(line) } };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("debug logging", () => {
  it("logs one line per attempt with method, URL, status, duration and the retry decision", async () => {
    const { lines, debugLogger } = logger();
    const fake = fakeFetch(json(503, {}, { "retry-after-ms": "3" }), json(200, { data: sampleSession }));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, debugLogger });
    await mix.sessions.get({ id: "s1" });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[mix\] GET http:\/\/api\.test\/api\/sessions\/s1 -> 503 \(\d+ ms\); retrying in 3 ms$/);
    expect(lines[1]).toMatch(/^\[mix\] GET http:\/\/api\.test\/api\/sessions\/s1 -> 200 \(\d+ ms\)$/);
  });

  it("logs transport errors and why a call is not retried", async () => {
    const { lines, debugLogger } = logger();
    const fake = fakeFetch(refused(), json(500, {}));
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      debugLogger,
      retryConfig: { strategy: "none" },
    });
    await expect(mix.sessions.create()).rejects.toThrow();
    await expect(mix.sessions.create()).rejects.toThrow();
    expect(lines[0]).toMatch(
      /-> ConnectionError: POST http:\/\/api\.test\/api\/sessions failed: fetch failed .*not retried: retries are off$/,
    );
    expect(lines[1]).toMatch(/-> 500 .*not retried: retries are off$/);
  });

  it("logs through console.debug when MIX_DEBUG=1", async () => {
    vi.stubEnv("MIX_DEBUG", "1");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const fake = fakeFetch(json(200, { data: [] }));
    await new Mix({ serverURL: "http://api.test", fetch: fake.fetch }).sessions.list();
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug.mock.calls[0]?.[0]).toContain("GET http://api.test/api/sessions -> 200");
  });

  it("stays silent without a logger or MIX_DEBUG", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const fake = fakeFetch(json(200, { data: [] }));
    await new Mix({ serverURL: "http://api.test", fetch: fake.fetch }).sessions.list();
    expect(debug).not.toHaveBeenCalled();
  });
});

describe("secrets", () => {
  it("never shows secret header values in log lines or error messages, even when the server echoes them", async () => {
    const { lines, debugLogger } = logger();
    const echo = (request: Request) => {
      const echoed = JSON.stringify(Object.fromEntries(request.headers));
      return request.url.endsWith("/fork")
        ? json(404, { error: { code: 404, message: `no session for ${echoed}`, type: "not_found" } })
        : text(502, `bad gateway, you sent ${echoed}`, "text/plain");
    };
    const fake = fakeFetch(echo);
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      debugLogger,
      headers: secrets,
      retryConfig: { strategy: "none" },
    });
    const failed = (e: unknown) => e as Error;
    const errors: Error[] = await Promise.all([
      mix.sessions.list().then(() => new Error("resolved"), failed),
      mix.sessions.fork({ id: "s1", messageIndex: 1 }).then(() => new Error("resolved"), failed),
      mix.sessions
        .get({ id: "s1" }, { headers: { authorization: "Token per-call-secret" } })
        .then(() => new Error("resolved"), failed),
    ]);
    expect(errors[0]).toBeInstanceOf(MixDefaultError);
    expect(errors[1]).toBeInstanceOf(RESTResponseError);
    const shown = [...lines, ...errors.map((e) => e.message)].join("\n");
    expect(shown).toContain("[REDACTED]");
    for (const secret of [...secretParts, "per-call-secret"]) expect(shown).not.toContain(secret);
    // The raw body stays as the server sent it, for callers who need it.
    expect((errors[0] as MixDefaultError).body).toContain("sk-live-123456");
  });
});
