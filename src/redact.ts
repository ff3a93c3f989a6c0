/** Headers whose values never appear in a log line or an error message. */
const secretHeaderNames = ["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"];

/** Shorter values are not secrets: cookies such as `lang=en` or `dark=on` hold ordinary words. */
const minSecretLength = 8;

const letterOrDigit = String.raw`[\p{L}\p{N}]`;
/**
 * Where a secret may start and end: not between two letters or digits, so no longer word is
 * ever cut. A letter or digit that ends an escape ("%20", "\u0026", "\n") is no part of a word.
 */
const tokenStart = String.raw`(?<!(?<!%\w?|\\u\w{0,3}|\\)${letterOrDigit}(?=${letterOrDigit}))`;
const tokenEnd = `(?!(?<=${letterOrDigit})${letterOrDigit})`;

/**
 * The secrets among the headers sent: each secret header's whole value, the credentials after
 * a scheme ("Bearer <token>") or each cookie's value (its name stays), when 8 characters or longer.
 */
export function secretValues(headers: HeadersInit | undefined): string[] {
  // Stryker disable next-line ArrayDeclaration: equivalent but for text that holds the mutant's own literal
  const found: string[] = [];
  new Headers(headers).forEach((value, name) => {
    if (!secretHeaderNames.includes(name)) return;
    found.push(value);
    if (!name.endsWith("cookie")) found.push(value.replace(/^\S+\s+/, ""));
    else for (const cookie of value.split(";")) found.push(cookie.slice(cookie.indexOf("=") + 1).trim());
  });
  return found.filter((secret) => secret.length >= minSecretLength);
}

/**
 * Matches a secret as a whole token, each character as sent, JSON-escaped (`\/`, `\"`, any
 * `\uXXXX`) or percent-encoded (a space also as `+`, as forms send it), hex digits in either
 * case. Header values are Latin-1: each character is `\xHH` in the pattern, one percent-escape.
 */
function secretPattern(secret: string): RegExp {
  const chars = secret.split("").map((char) => {
    const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
    return `(?:\\\\?\\x${hex}|\\\\u00${hex}|%${hex}${char === " " ? "|\\+" : ""})`;
  });
  return new RegExp(tokenStart + chars.join("") + tokenEnd, "giu");
}

/**
 * Hides the secrets of `headers` in a text, replacing each with "[REDACTED]". The secrets are
 * worked out on first use, once for all the texts of a call.
 */
export function redactorFor(headers: HeadersInit | undefined): (text: string) => string {
  let patterns: RegExp[] | undefined;
  return (text) => {
    patterns ??= secretValues(headers)
      .sort((a, b) => b.length - a.length)
      .map(secretPattern);
    return patterns.reduce((safe, pattern) => safe.replace(pattern, "[REDACTED]"), text);
  };
}
