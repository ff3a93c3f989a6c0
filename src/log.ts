import type { RetryPlan } from "./retry.js";
import type { Outgoing, Received } from "./transport.js";

/** Headers whose values never appear in a log line or an error message. */
const secretHeaderNames = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"]);

/** The values (and bare credentials, such as a bearer token) of the secret headers sent. */
export function secretValues(headers: HeadersInit | undefined): string[] {
  if (!headers) return [];
  const found: string[] = [];
  new Headers(headers).forEach((value, name) => {
    if (!secretHeaderNames.has(name) || !value) return;
    found.push(value);
    const credentials = value.split(/\s+/).slice(1).join(" ");
    if (credentials) found.push(credentials);
  });
  return found.sort((a, b) => b.length - a.length);
}

/** Replaces every secret value, and any user:password in a URL, with "[REDACTED]". */
export function redact(text: string, secrets: readonly string[]): string {
  let safe = text.replace(/\/\/[^/@\s]*@/g, "//[REDACTED]@");
  for (const secret of secrets) safe = safe.split(secret).join("[REDACTED]");
  return safe;
}

/** One debug line for one attempt: method, URL, status or error, duration, retry decision. */
export function describeAttempt(
  req: Outgoing,
  outcome: Received<unknown> | Error,
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
