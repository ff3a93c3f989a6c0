/**
 * What the front of `mix-mock` checks before it lets Prism see a request: Prism stops on some
 * inputs (a path it cannot decode, JSON nested thousands deep) and answers others with bodies
 * of its own (not JSON, a byte order mark), so those requests go straight to the model, whose
 * answer is the API's.
 */

/** The deepest JSON body passed to Prism; this API's bodies nest one level. */
export const maxPrismDepth = 32;

/** How deep arrays and objects nest in a JSON text (0 for a scalar), read without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Why Prism must not see this request (its path, the body it would be given and that body's
 * Content-Type), or undefined when it may.
 */
export function prismUnsafe(pathname: string, body: Buffer | undefined, contentType = ""): string | undefined {
  try {
    decodeURIComponent(pathname);
  } catch {
    return "the path has a percent-escape that is not UTF-8";
  }
  if (!body || body.length === 0) return undefined;
  // Prism decodes the body in the charset named; the API reads UTF-8 whatever the header says.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) return `the body's charset is ${charset}, not UTF-8`;
  const text = body.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) return "the body starts with a byte order mark";
  try {
    JSON.parse(text);
  } catch {
    return "the body is not JSON";
  }
  return nestingDepth(text) > maxPrismDepth ? `the body nests deeper than ${maxPrismDepth} levels` : undefined;
}

/**
 * The messages of Prism's `sl-violations` header: a JSON array of violations, or, past about
 * 8 KB, plain text such as "Too many violations! ...", taken as one message.
 */
export function violationsOf(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(", ") : header;
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed))
      return parsed.map((v) => String((v as { message?: unknown } | null)?.message ?? JSON.stringify(v)));
  } catch {
    // Not JSON: Prism's plain-text summary.
  }
  return [text.length > 300 ? `${text.slice(0, 297)}...` : text];
}

/** One violation in Prism's own shape, for what the front finds itself and answers without Prism. */
export function violation(location: "path" | "body", message: string) {
  return { location: ["request", location], severity: "Error", code: "mix-mock", message };
}
