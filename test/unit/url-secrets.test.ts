import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidRequestError, Mix } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The error a construction or a call ends with, or a failure when it does not throw. */
async function thrown(action: () => unknown): Promise<InvalidRequestError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error("expected an InvalidRequestError");
}

describe("server URLs with secrets", () => {
  it("refuses a password with no user name from the options, MIX_SERVER_URL and a call, sending nothing", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    const lines: string[] = [];
    const debugLogger = { debug: (line: string) => lines.push(line) };
    const fromOptions = await thrown(() => new Mix({ serverURL: "http://:hunter2@api.test", fetch: fake.fetch }));
    vi.stubEnv("MIX_SERVER_URL", "http://:hunter2@api.test");
    const fromEnv = await thrown(() => new Mix({ fetch: fake.fetch }));
    vi.unstubAllEnvs();
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, debugLogger });
    const fromCall = await thrown(() => mix.sessions.list({ serverURL: "http://:hunter2@api.test" }));
    expect([fromOptions.field, fromEnv.field, fromCall.field]).toEqual(["serverURL", "MIX_SERVER_URL", "serverURL"]);
    expect(fake.requests).toHaveLength(0);
    expect(lines).toEqual([]);
  });

  it.each([
    ["a password with no user name", "http://:hunter2@api.test", "http://[REDACTED]@api.test"],
    ["a user and a password", "https://admin:hunter2@api.test/base", "https://[REDACTED]@api.test/base"],
    ["an @ inside the password", "http://admin:hun@ter2@api.test", "http://[REDACTED]@api.test"],
    ["no scheme", "admin:hunter2@api.test", "[REDACTED]@api.test"],
    ["a token in the query", "http://api.test/?hunter2=hunter2", "http://api.test/?[REDACTED]"],
    ["a token in the fragment", "http://api.test/#access_token=hunter2", "http://api.test/#[REDACTED]"],
    // "." does not match a line separator: without the s flag, the credentials after one showed.
    ["a line separator before the credentials", "http://a\u2028b:hunter2@api.test", "http://[REDACTED]@api.test"],
  ])("shows a refused URL with %s without its secret", async (_, serverURL, shown) => {
    const error = await thrown(() => new Mix({ serverURL }));
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain(`got "${shown}"`);
  });

  it("hides credentials inside an object given as the server URL", async () => {
    const error = await thrown(() => new Mix({ serverURL: { url: "http://admin:hunter2@api.test" } as never }));
    expect(error.field).toBe("serverURL");
    expect(error.message).not.toContain("hunter2");
  });

  it("hides credentials of a URL object, which is refused for not being a string", async () => {
    const error = await thrown(() => new Mix({ serverURL: new URL("http://admin:hunter2@api.test") as never }));
    expect(error.field).toBe("serverURL");
    expect(error.message).not.toContain("hunter2");
  });

  it("refuses credentials in the raw client's per-call baseUrl, which fetch's own error would show", async () => {
    const fake = fakeFetch(json(200, { data: [] }));
    const raw = createRawClient(new Mix({ serverURL: "http://api.test", fetch: fake.fetch }));
    const error = await thrown(() => raw.GET("/api/sessions", { baseUrl: "http://:hunter2@api.test" }));
    expect(error.field).toBe("baseUrl");
    expect(error.message).not.toContain("hunter2");
    const viaRequest = await thrown(() =>
      raw.request("get", "/api/sessions", { baseUrl: "https://admin:hunter2@api.test" }),
    );
    expect(viaRequest.message).not.toContain("hunter2");
    expect(fake.requests).toHaveLength(0);
    await raw.GET("/api/sessions", { baseUrl: "http://other.test" });
    expect(fake.requests.map((r) => r.url)).toEqual(["http://other.test/api/sessions"]);
  });
});
