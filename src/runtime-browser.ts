import type * as runtime from "./runtime.js";

/**
 * src/runtime.ts as browser builds have it (dist/index.browser.js): a page has no environment
 * variables, and its fetch rejects a refused connection with the same bare `TypeError` as a
 * dropped one, so no failure counts as refused (create and fork are then not retried on it).
 */

/** No environment variables in a browser (`MIX_SERVER_URL` and `MIX_DEBUG` do not apply). */
export const env: typeof runtime.env = undefined;

/** Always false: a browser's fetch does not tell a refused connection from a dropped one. */
export const isRefused: typeof runtime.isRefused = () => false;
