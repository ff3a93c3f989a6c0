import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, Mix, MixDefaultError, RESTResponseError } from "../../src/index.ts";
import { fakeFetch, json, refused, text } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const secrets = {
  authorization: "Bearer sk-live-123456",
  cookie: "sid=cookie-secret; theme=second-cookie-secret",
  "proxy-authorization": "Basic cHJveHk6c2VjcmV0",
  "x-api-key": "key-abcdef",
};
const secretParts = ["sk-live-123456", "cookie-secret", "second-cookie-secret", "cHJveHk6c2VjcmV0", "key-abcdef"];

/** The error a call rejects with; an Error saying so when it resolves. */
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => new Error("resolved"),
    (error: Error) => error,
  );

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

  it("hides a bearer token and each cookie value when the server echoes them on their own", async () => {
    const { lines, debugLogger } = logger();
    const fake = fakeFetch(
      json(401, { error: { code: 401, message: "token sk-live-123456 has expired", type: "unauthorized" } }),
      text(502, "no session cookie-secret, theme second-cookie-secret", "text/plain"),
    );
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, debugLogger, headers: secrets });
    const options = { retries: { strategy: "none" } } as const;

    const unauthorized = await failureOf(mix.sessions.list(options));
    const badGateway = await failureOf(mix.sessions.list(options));

    expect(unauthorized).toBeInstanceOf(RESTResponseError);
    expect(unauthorized.message).toBe("token [REDACTED] has expired");
    expect(badGateway).toBeInstanceOf(MixDefaultError);
    expect(badGateway.message).toContain("Body: no session [REDACTED], theme ");
    for (const secret of ["cookie-secret", "second-cookie-secret"]) expect(badGateway.message).not.toContain(secret);
    expect(lines).toHaveLength(2);
  });

  it("hides secrets in the message of an error the fetch throws, in the error and in the log", async () => {
    const { lines, debugLogger } = logger();
    const proxyRefused = (request: Request) => {
      const sent = ["authorization", "cookie", "proxy-authorization"].map((name) => request.headers.get(name));
      throw new TypeError(`proxy refused ${sent.join(" | ")}`);
    };
    const mix = new Mix({ serverURL: "http://api.test", fetch: proxyRefused, debugLogger, headers: secrets });

    const error = await failureOf(mix.sessions.list({ retries: { strategy: "none" } }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      "GET http://api.test/api/sessions failed: proxy refused [REDACTED] | [REDACTED] | [REDACTED]",
    );
    expect(lines[0]).toContain("proxy refused [REDACTED] | [REDACTED] | [REDACTED]");
    for (const secret of secretParts) expect(lines.join("\n")).not.toContain(secret);
  });
});
