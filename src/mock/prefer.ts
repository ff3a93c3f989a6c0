import { maxPreferDelay } from "./faults.js";

/**
 * What a request asks for in its `Prefer` header, in Prism's words: `code=<status>` and
 * `delay=<ms>`. Other preferences (`example=`, `dynamic=`, `return=minimal`...) are not the
 * mock's and are left alone.
 */
export type Preferences = { code?: number; delay?: number };

/** A `Prefer` header read: the preferences, or what is wrong with them. */
export type PreferResult = { ok: true; preferences: Preferences } | { ok: false; problem: string };

/** A preference's name (lower case) and value (unquoted), both trimmed; the value is "" without "=". */
function nameAndValue(part: string): [name: string, value: string] {
  const [name, ...value] = (part.split(";")[0] as string).split("=");
  return [
    (name as string).trim().toLowerCase(),
    value
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1"),
  ];
}

const wholeNumber = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : undefined);

/**
 * Reads `Prefer: code=<status>, delay=<ms>` (RFC 7240: preferences separated by commas, their
 * parameters after ";"). A code must be a status from 100 to 599 and a delay a whole number of
 * milliseconds up to ten minutes; anything else is a problem named in the result.
 */
export function parsePrefer(header: string | null | undefined): PreferResult {
  const preferences: Preferences = {};
  if (!header) return { ok: true, preferences };
  for (const [name, value] of header.split(",").map(nameAndValue)) {
    if (name === "code") {
      const code = wholeNumber(value);
      if (code === undefined || code < 100 || code > 599)
        return { ok: false, problem: `Prefer: code must be an HTTP status from 100 to 599, got "${value}"` };
      preferences.code = code;
    } else if (name === "delay") {
      const delay = wholeNumber(value);
      if (delay === undefined || delay > maxPreferDelay)
        return { ok: false, problem: `Prefer: delay must be milliseconds from 0 to ${maxPreferDelay}, got "${value}"` };
      preferences.delay = delay;
    }
  }
  return { ok: true, preferences };
}
