import { describe, expect, it } from "vitest";
import { Mix, type MixDefaultError } from "../../src/index.ts";
import { fakeFetch, text } from "../helpers/fake-fetch.ts";

/** The message of the MixDefaultError a list call gets when the server answers 502 with `body`. */
async function messageFor(headers: Record<string, string>, body: string): Promise<string> {
  const fake = fakeFetch(text(502, body, "text/plain"));
  const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, headers, retryConfig: { strategy: "none" } });
  const error = await mix.sessions.list().then(
    () => new Error("resolved"),
    (e: MixDefaultError) => e,
  );
  return error.message.replace(/^.*Body: /, "");
}

describe("what redaction hides, and what it leaves alone", () => {
  it("leaves the values of headers that are not secret as they are", async () => {
    const body = "trace trace-1234 for client mix-web";
    expect(await messageFor({ "x-trace": "trace-1234", "x-client": "mix-web" }, body)).toBe(body);
  });

  it("hides a token sent after its scheme with more than one space", async () => {
    const message = await messageFor({ authorization: "Bearer   sk-spaced-out" }, "token 'sk-spaced-out' expired");
    expect(message).toBe("token '[REDACTED]' expired");
  });

  it("hides each value of a loosely written cookie header", async () => {
    const cookie = "sid=loose-secret ;theme= dark-secret";
    const message = await messageFor({ cookie }, "sid loose-secret, theme dark-secret");
    expect(message).toBe("sid [REDACTED], theme [REDACTED]");
  });

  it("hides set-cookie and x-api-key values like the other secret headers", async () => {
    const headers = { "set-cookie": "sid=set-secret", "x-api-key": "key-123456" };
    expect(await messageFor(headers, "saw set-secret and key-123456")).toBe("saw [REDACTED] and [REDACTED]");
  });

  it("leaves text alone when a secret piece is empty or a single character", async () => {
    const body = "v1 is gone; use v2 (1 of 2)";
    expect(await messageFor({ cookie: "v=1; empty=; sid=long-secret", authorization: "Basic" }, body)).toBe(body);
  });
});
