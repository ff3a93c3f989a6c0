import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Mix, type MixError } from "../../src/index.ts";
import { redactorFor } from "../../src/redact.ts";
import { fakeFetch, json, text } from "../helpers/fake-fetch.ts";

/** The message of the error a get gets when the server answers `response` (a 404 envelope or a 502 body). */
async function messageFor(headers: Record<string, string>, response: Response): Promise<string> {
  const mix = new Mix({
    serverURL: "http://api.test",
    fetch: fakeFetch(response).fetch,
    headers,
    retryConfig: { strategy: "none" },
  });
  const error = await mix.sessions.get({ id: "x" }).then(
    () => new Error("resolved"),
    (e: MixError) => e,
  );
  return error.message;
}

/** How real servers echo a value inside JSON and URLs. */
const echoes: Record<string, (value: string) => string> = {
  "Node (JSON.stringify)": (value) => JSON.stringify(value),
  "PHP (json_encode: \\/ and \\uXXXX)": (value) =>
    JSON.stringify(value)
      .replaceAll("/", "\\/")
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  "Go (encoding/json: \\u003c, \\u003e, \\u0026)": (value) =>
    JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  "every character as \\uXXXX, upper-case hex": (value) =>
    [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(""),
  "a query string (encodeURIComponent)": (value) => `?token=${encodeURIComponent(value)}&page=2`,
  "a form body (spaces as +)": (value) => new URLSearchParams({ token: value, page: "2" }).toString(),
  "lower-case percent-escapes": (value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
};

describe("secrets a server echoes back, in the spellings real servers use", () => {
  // Tokens and cookie values are ASCII (RFC 6750's b64token, RFC 6265's cookie-octet).
  const token = "tok_9f/8e+7d&6c<5b>4a x";
  it.each(Object.entries(echoes))("hides a token echoed by %s", async (_, echo) => {
    const body = `{"error":"bad credentials ${echo(token)} (retry later)"}`;
    const message = await messageFor({ authorization: `Bearer ${token}` }, text(502, body, "application/json"));
    expect(message).toContain("[REDACTED]");
    expect(message).toContain("(retry later)");
    expect(message).not.toContain("9f");
    expect(message).not.toContain("7d");
  });
});

describe("cookie headers as browsers and server frameworks send them", () => {
  const cookies = {
    "a browser": "sid=9f8e7d6c5b4a3f2e1d0c; lang=en; consent=no; dark=on",
    "Express (express-session, signed)": "connect.sid=s%3AQm9vZ2xlU2Vzc2lvbg.Xk2l9c0fP1hT4o; lang=en",
    NextAuth: "__Secure-next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc; theme=dark",
    Rails: "_app_session=cGF5bG9hZA%3D%3D--5f4dcc3b5aa765d61d83; locale=de",
    PHP: "PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3; lang=fr",
  };

  it.each(Object.entries(cookies))(
    "leaves every ordinary word of a message whole, with %s's cookies",
    async (_, cookie) => {
      const envelope = {
        error: {
          code: 404,
          message: "Session with ID 'x' not found on /api/sessions (Content-Type on, lang en, dark)",
          type: "not_found",
        },
      };
      const message = await messageFor({ cookie }, json(404, envelope));
      expect(message).toBe(envelope.error.message);
    },
  );

  it.each(Object.entries(cookies))(
    "hides each long cookie value of %s, keeping the names and short values",
    async (_, cookie) => {
      // Each cookie on its own: the header's whole value would be hidden whole, names and all.
      const message = await messageFor(
        { cookie },
        text(502, `your cookies: ${cookie.split("; ").join(" | ")}`, "text/plain"),
      );
      for (const part of cookie.split("; ")) {
        const [name = "", value = ""] = part.split(/=(.*)/s);
        expect(message).toContain(`${name}=`);
        if (value.length >= 8) expect(message).not.toContain(value);
        else expect(message).toContain(part);
      }
    },
  );
});

const word = fc.stringMatching(/^[A-Za-z0-9'/.:()-]{1,12}$/);
const spacer = fc.constantFrom(" ", ", ", "; ", "\n", " - ");

describe("redaction as a property", () => {
  it("never changes a text in which no secret appears, whatever short cookies were sent", () => {
    const shortCookie = fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9]{1,7}$/));
    fc.assert(
      fc.property(
        fc.array(shortCookie, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(word, spacer)),
        (pairs, words) => {
          const redact = redactorFor({ cookie: pairs.map(([name, value]) => `${name}=${value}`).join("; ") });
          const message = words.map(([w, s]) => w + s).join("");
          // The whole header or a cookie value can only show up if the message holds it as a token of its own.
          fc.pre(!pairs.some(([name, value]) => message.includes(`${name}=${value}`)));
          expect(redact(message)).toBe(message);
        },
      ),
    );
  });

  it("hides a secret of 8 or more characters wherever it stands as a token, in every spelling", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{8,40}$/);
    fc.assert(
      fc.property(secret, fc.constantFrom(...Object.values(echoes)), word, word, (value, echo, before, after) => {
        const redact = redactorFor({ "x-api-key": value });
        const shown = redact(`${before} ${echo(value)} ${after}`);
        expect(shown).not.toContain(echo(value));
        expect(shown.startsWith(`${before} `)).toBe(true);
        expect(shown.endsWith(` ${after}`)).toBe(true);
      }),
    );
  });
});

describe("what makes a secret a whole token", () => {
  const redact = redactorFor({ cookie: "region=national; sid=Tab\tSecret1" });

  it("hides a secret standing alone, never one inside a longer word", () => {
    expect(redact("national; international; nationalism; (national)")).toBe(
      "[REDACTED]; international; nationalism; ([REDACTED])",
    );
  });

  // A tab is the one control character a header value may hold (no token or cookie value does).
  it("hides a secret that holds a tab, as sent, as \\u0009 and as %09", () => {
    expect(redact("sid Tab\tSecret1 / Tab\\u0009Secret1 / Tab%09Secret1")).toBe(
      "sid [REDACTED] / [REDACTED] / [REDACTED]",
    );
  });

  it("reads + as a space only where the secret has a space", () => {
    const spaced = redactorFor({ "x-api-key": "two words+more" });
    expect(spaced("two+words+more and two words+more")).toBe("[REDACTED] and [REDACTED]");
    expect(spaced("two+wor+s+more")).toBe("two+wor+s+more");
  });

  it("hides the longest secret first, so a shorter one inside it leaves nothing of it behind", () => {
    const both = redactorFor({ authorization: "Bearer abcdefgh", "x-api-key": "abcdefgh-ijklmnop" });
    expect(both("key abcdefgh-ijklmnop, token abcdefgh")).toBe("key [REDACTED], token [REDACTED]");
  });
});
