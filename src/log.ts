import type { RetryPlan } from "./retry.js";

/** One debug line for one attempt: method, URL, status or error, duration, retry decision. */
export function describeAttempt(
  call: { readonly method: string; readonly url: string; readonly redact: (text: string) => string },
  outcome: { readonly response: Response } | Error,
  durationMs: number,
  plan: RetryPlan | undefined,
): string {
  const result = outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome.response.status);
  const decision = !plan
    ? ""
    : plan.retry
      ? `; retrying in ${Math.round(plan.waitMs)} ms`
      : `; not retried: ${plan.reason}`;
  return call.redact(`[mix] ${call.method} ${call.url} -> ${result} (${durationMs} ms)${decision}`);
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
