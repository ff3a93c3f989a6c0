import type { RetryPlan } from "./retry.js";

/** Headers whose values never appear in a log line or an error message. */
const secretHeaderNames = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"]);

/**
 * What to hide of the secret headers sent: the whole value, each cookie's value, and the
 * credentials after a scheme ("Bearer <token>"), since a server may echo any of them.
 */
export function secretValues(headers: HeadersInit | undefined): string[] {
  // Stryker disable next-line ArrayDeclaration: equivalent but for text that holds the mutant's own literal
  const found: string[] = [];
  new Headers(headers).forEach((value, name) => {
    if (!secretHeaderNames.has(name)) return;
    found.push(value, value.replace(/^\S+\s+/, ""));
    for (const cookie of value.split(";")) found.push(cookie.slice(cookie.indexOf("=") + 1).trim());
  });
  // Empty or one-character pieces would blank out unrelated text.
  return found.filter((secret) => secret.length > 1);
}

/** Replaces every secret value with "[REDACTED]". (Server URLs with credentials are refused up front.) */
export function redact(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) safe = safe.split(secret).join("[REDACTED]");
  return safe;
}

/** One debug line for one attempt: method, URL, status or error, duration, retry decision. */
export function describeAttempt(
  req: { readonly method: string; readonly url: string },
  outcome: { readonly response: Response } | Error,
  durationMs: number,
  plan: RetryPlan | undefined,
  secrets: readonly string[],
): string {
  const result = outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome.response.status);
  const decision = !plan
    ? ""
    : plan.retry
      ? `; retrying in ${Math.round(plan.waitMs)} ms`
      : `; not retried: ${plan.reason}`;
  return redact(`[mix] ${req.method} ${req.url} -> ${result} (${durationMs} ms)${decision}`, secrets);
}

/**
 * Hands one line to the logger. A logger that throws, or returns a promise that rejects, does
 * not fail the call or change its course: the line is lost, nothing else.
 */
export function writeLog(logger: Pick<Console, "debug">, line: string): void {
  try {
    const result: unknown = logger.debug(line);
    // An async logger's rejection would otherwise surface as an unhandled rejection.
    // Stryker disable next-line OptionalChaining: equivalent: without them a result that is no promise throws a TypeError, which the try block swallows as it does a throwing logger's
    (result as PromiseLike<unknown> | undefined)?.then?.(undefined, () => {});
  } catch {}
}
