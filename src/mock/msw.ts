import { delay, HttpResponse, http, type RequestHandler } from "msw";
import { specServerURL } from "../../generated/operations.js";
import type { SessionData } from "../../generated/schema.js";
import { checkFailRate, checkLatency, type Latency, pickFault, pickLatency } from "./faults.js";
import { createSessionsModel } from "./model.js";
import { type MockResponse, plainText } from "./response.js";
import { type Route, routes } from "./routes.js";
import type { MockSeed } from "./seed.js";

/** Options of `createMixMock`. */
export type MixMockOptions = {
  /** The API's base URL the handlers answer for. Default the spec's server, `http://localhost:8088`; `"*"` matches any origin. */
  baseURL?: string;
  /** Where the store starts: `"examples"` (default, the spec's example sessions), `"empty"`, or your own sessions. */
  seed?: MockSeed;
  /** Delay before each answer, in milliseconds: a number, or `[min, max]` drawn uniformly. Default none. */
  latencyMs?: Latency;
  /** Share of requests, 0 to 1, answered with a 429 (Retry-After: 1), 500 or 503 instead. Default 0. */
  failRate?: number;
  /** Behave like the real server where it differs from the spec (see the README). Default false. */
  quirks?: boolean;
  /** Draws latencies and failures, like Math.random (the default). */
  random?: () => number;
};

/** MSW handlers for the six operations, over one in-memory store. */
export type MixMock = {
  /** For `setupServer(...handlers)`, `setupWorker(...handlers)` or Storybook's `msw.handlers`. */
  handlers: RequestHandler[];
  /** Back to the seed: created and forked sessions go, deleted ones come back. */
  reset(): void;
  /** A copy of the store, as `list` shows it (newest first). */
  sessions(): SessionData[];
};

function toHttpResponse(response: MockResponse): Response {
  const init = { status: response.status, headers: response.headers };
  if (response.body !== undefined) return HttpResponse.json(response.body as object, init);
  return new HttpResponse(response.text ?? null, init);
}

/** The spec's path template as an MSW path under the base URL: `{id}` becomes `:id`. */
function mswPath(base: string, template: string): string {
  return `${base}${template.replace(/\{([^}]+)\}/g, ":$1")}`;
}

/**
 * The Mix API's sessions resource as MSW 2.x request handlers, with the same model as
 * `npm run mock`: create, list newest first, get, fork by its rules, deletes that stick,
 * strict bodies, and the API's error envelopes. Unsupported methods on those paths get the
 * real server's 405 in plain text.
 */
export function createMixMock(options: MixMockOptions = {}): MixMock {
  const model = createSessionsModel({ seed: options.seed, quirks: options.quirks });
  const latency = checkLatency(options.latencyMs);
  const failRate = checkFailRate(options.failRate);
  const random = options.random ?? Math.random;
  const base = options.baseURL === "*" ? "*" : (options.baseURL ?? specServerURL).replace(/\/+$/, "");

  const resolver = (route: Route) => async (info: { request: Request; params: Record<string, unknown> }) => {
    const wait = pickLatency(latency, random);
    if (wait > 0) await delay(wait);
    const fault = pickFault(failRate, random);
    if (fault) return toHttpResponse(fault);
    const id = String(info.params.id ?? "");
    return toHttpResponse(route.resolve(model, { id, body: await info.request.text() }));
  };
  const handlers: RequestHandler[] = routes.map((route) =>
    http[route.method.toLowerCase() as "get" | "post" | "delete"](mswPath(base, route.path), resolver(route)),
  );
  for (const path of new Set(routes.map((route) => route.path)))
    handlers.push(http.all(mswPath(base, path), () => toHttpResponse(plainText(405, "Method Not Allowed\n"))));
  return { handlers, reset: () => model.reset(), sessions: () => model.sessions() };
}
