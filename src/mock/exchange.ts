import { sessionOperations } from "../../generated/operations.js";
import { type FailureContext, injectedFailure, type Latency, pickFault, pickLatency } from "./faults.js";
import { parsePrefer } from "./prefer.js";
import { failure, type MockResponse } from "./response.js";
import { badPath, decodePath, routeOf } from "./routes.js";

/** The largest request body the mock reads: 1 MiB. A larger one is answered 413. */
export const maxBodyBytes = 1_048_576;

/** What shapes answers before the model: latency and injected failures. */
export type Scenario = {
  latency?: Latency;
  failRate?: number;
  /** The statuses `failRate` picks from. Default 429, 500, 503. */
  failStatus?: readonly number[];
  /** Returns a number in [0, 1). */
  random: () => number;
  /**
   * True when a documented status asked for with `Prefer: code=` is left to Prism, which then
   * answers with the spec's example (Prism alone: `--stateless`, `--dynamic`). Default false.
   */
  preferToPrism?: boolean;
};

/** A request, as far as the scenario needs it: the path still percent-encoded. */
export type ExchangeRequest = { method: string; pathname: string; prefer: string | null; bodyBytes: number };

/** What to do before the model: wait `delayMs`, then answer `response` instead if there is one. */
export type Plan = {
  delayMs: number;
  response?: MockResponse;
  /** For the log: why the answer is not the model's, or what was ignored. */
  note?: string;
  /** What in the request breaks the spec, when `response` refuses it (a path that does not decode, a body too large). */
  violation?: { location: "path" | "body"; message: string };
};

/** The API's answer to a body over the size limit. */
export function tooLarge(bytes: number): MockResponse {
  const message = `Request body too large: ${bytes} bytes, the limit is ${maxBodyBytes}`;
  return failure("bad_request", message, 413);
}

function contextOf(method: string, pathname: string): FailureContext & { documented?: readonly number[] } {
  const routing = routeOf(method, pathname);
  if ("status" in routing) return {};
  const facts = sessionOperations[routing.route.operation];
  const id = routing.segment === undefined ? undefined : decodePath(routing.segment);
  return { operation: routing.route.words, id, documented: facts.errors };
}

/**
 * Decides what happens to a request before the model sees it, the same in `mix-mock` and the
 * MSW handlers: a path that does not decode is 400, a body over the limit 413, a `Prefer`
 * header the mock cannot follow 400;
 * then the wait (the latency, plus `Prefer: delay=<ms>`); then `Prefer: code=<4XX|5XX>` or a
 * failure drawn at the fail rate, with the API's envelope, instead of the model's answer.
 */
export function planExchange(request: ExchangeRequest, scenario: Scenario): Plan {
  if (decodePath(request.pathname) === undefined) {
    const message = 'The path has a "%" that is not followed by two hex digits';
    return { delayMs: 0, response: badPath(), violation: { location: "path", message } };
  }
  if (request.bodyBytes > maxBodyBytes) {
    const message = `The body is larger than the mock's limit of ${maxBodyBytes} bytes`;
    return { delayMs: 0, response: tooLarge(request.bodyBytes), violation: { location: "body", message } };
  }
  const prefer = parsePrefer(request.prefer);
  if (!prefer.ok) return { delayMs: 0, response: failure("bad_request", prefer.problem), note: prefer.problem };
  const { code, delay = 0 } = prefer.preferences;
  const delayMs = pickLatency(scenario.latency, scenario.random) + delay;
  const context = contextOf(request.method, request.pathname);
  if (code === undefined) {
    const fault = pickFault(scenario.failRate, scenario.failStatus, scenario.random, context);
    return fault ? { delayMs, response: fault, note: "injected by the fail rate" } : { delayMs };
  }
  if (scenario.preferToPrism && (code < 400 || context.documented?.includes(code))) return { delayMs };
  if (code < 400) return { delayMs, note: `Prefer: code=${code} ignored: only 4XX and 5XX are injected` };
  const why = `injected by Prefer: code=${code}`;
  return { delayMs, response: injectedFailure(code, why, context), note: why };
}
