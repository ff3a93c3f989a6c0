import { delay, HttpResponse, http, type RequestHandler } from "msw";
import { pathPatterns } from "../../generated/operations.js";
import type { SessionData } from "../../generated/schema.js";
import { planExchange } from "./exchange.js";
import { checkFailRate, checkFailStatus, checkLatency, type Latency } from "./faults.js";
import { createSessionsModel } from "./model.js";
import type { MockResponse } from "./response.js";
import { answer } from "./routes.js";
import type { MockSeed } from "./seed.js";

/** Options of `createMixMock`. */
export type MixMockOptions = {
  /**
   * The API's base URL the handlers answer for, for example `http://localhost:8088`. Default:
   * any origin, with any path before `/api/sessions`, so the handlers answer whatever server
   * URL the app is configured with (`"*"` says the same).
   */
  baseURL?: string;
  /** Where the store starts: `"examples"` (default, the spec's example sessions), `"empty"`, or your own sessions (copied). */
  seed?: MockSeed;
  /** Delay before each answer, in milliseconds: a number, or `[min, max]` drawn uniformly. Default none. */
  latencyMs?: Latency;
  /** Share of requests, 0 to 1, answered with an injected failure instead (see `failStatus`). Default 0. */
  failRate?: number;
  /** The statuses `failRate` injects, each as likely, with the API's envelope (429 with Retry-After: 1). Default `[429, 500, 503]`. */
  failStatus?: readonly number[];
  /** Behave like the real server where it differs from the spec (see docs/frontend.md). Default false. */
  quirks?: boolean;
  /** Draws latencies and failures, like Math.random (the default). */
  random?: () => number;
};

/** MSW handlers for the six operations, over one in-memory store. */
export type MixMock = {
  /** For `setupServer(...handlers)`, `setupWorker(...handlers)` or Storybook's `msw.handlers`. */
  handlers: RequestHandler[];
  /** Back to the seed: created and forked sessions go, deleted ones come back; a request already under way is not written. */
  reset(): void;
  /** A copy of the store, as `list` shows it (newest first). */
  sessions(): SessionData[];
};

function toHttpResponse(response: MockResponse): Response {
  const init = { status: response.status, headers: response.headers };
  if (response.body !== undefined) return HttpResponse.json(response.body as object, init);
  return new HttpResponse(response.text ?? null, init);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * What the handlers match, from the spec's path patterns (generated/operations.ts): `url`, the
 * request's URL as MSW gives it (origin and path), capturing nothing, since MSW would decode a
 * capture and throw on a bad escape; and `path`, its path, capturing the API's path below the
 * base URL (the shortest prefix when any is allowed).
 */
function patterns(baseURL: string | undefined) {
  const apiPaths = Object.values(pathPatterns).map((pattern) =>
    pattern.source.slice(1, -1).replace(/\(\?<\w+>/g, "(?:"),
  );
  const base = baseURL === undefined || baseURL === "*" ? undefined : new URL(baseURL);
  const prefix = base ? escapeRegExp(base.pathname.replace(/\/+$/, "")) : "(?:/[^?#]*?)?";
  const origin = base ? escapeRegExp(base.origin) : "[^/]*//[^/]*";
  const api = `(?:${apiPaths.join("|")})`;
  return { url: new RegExp(`^${origin}${prefix}${api}$`), path: new RegExp(`^${prefix}(${api})$`) };
}

/**
 * The Mix API's sessions resource as MSW 2.x request handlers, with the same model as
 * `mix-mock`: create, list newest first, get, fork by its rules, deletes that stick, strict
 * bodies, the API's error envelopes, `Prefer: code=<status>` and `delay=<ms>`. A method the
 * API's paths do not have gets the real server's 405 in plain text; any other path is left to
 * MSW's `onUnhandledRequest`.
 */
export function createMixMock(options: MixMockOptions = {}): MixMock {
  const model = createSessionsModel({ seed: options.seed, quirks: options.quirks });
  const scenario = {
    latency: checkLatency(options.latencyMs),
    failRate: checkFailRate(options.failRate),
    failStatus: checkFailStatus(options.failStatus),
    random: options.random ?? Math.random,
  };
  const match = patterns(options.baseURL);

  const resolver = async ({ request }: { request: Request }) => {
    const operations = model.begin();
    const method = request.method;
    // MSW called this resolver because the URL matched, so its path matches too.
    const pathname = (match.path.exec(new URL(request.url).pathname) as RegExpExecArray)[1] as string;
    const bytes = new Uint8Array(await request.arrayBuffer());
    const prefer = request.headers.get("prefer");
    const plan = planExchange({ method, pathname, prefer, bodyBytes: bytes.byteLength }, scenario);
    await delay(plan.delayMs);
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return toHttpResponse(plan.response ?? answer(operations, method, pathname, body));
  };
  return { handlers: [http.all(match.url, resolver)], reset: () => model.reset(), sessions: () => model.sessions() };
}
