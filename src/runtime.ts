/**
 * What the SDK reads from the runtime outside browsers (Node, Bun, Deno): its environment
 * variables and the way it reports a refused connection. Builds for browsers (the package's
 * `browser` export, dist/index.browser.js) take src/runtime-browser.ts in its place.
 */

/**
 * The environment variables, read when a client is made (`MIX_SERVER_URL`, `MIX_DEBUG`);
 * undefined where there is no `process`.
 */
// Stryker disable next-line OptionalChaining: equivalent where tests run: Node, Bun and Deno have process; browsers get src/runtime-browser.ts
export const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/**
 * True when the connection was never established, so the server cannot have seen the request:
 * ECONNREFUSED from Node (on the cause) and Bun (on the error), "tcp connect error: Connection
 * refused" from Deno (which gives no code).
 */
export function isRefused(error: unknown, depth = 0): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  if (!e || depth > 3) return false;
  if (e.code === "ECONNREFUSED" || e.code === "ConnectionRefused") return true;
  if (/tcp connect error: Connection refused/.test(String(e.message))) return true;
  // Node tries each address of a host and reports an AggregateError when all of them refuse.
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => isRefused(x, depth + 1))) return true;
  return isRefused(e.cause, depth + 1);
}
