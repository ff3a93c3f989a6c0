import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { sessionOperations } from "../../generated/operations.ts";
import { maxBodyBytes, planExchange, type Scenario } from "../../src/mock/exchange.ts";
import { createSessionsModel, type SessionsModel, type SessionsOperations } from "../../src/mock/model.ts";
import { failure, type MockResponse } from "../../src/mock/response.ts";
import { answer, routeOf } from "../../src/mock/routes.ts";
import type { Checker } from "./mock-checker.ts";
import { forward, forwardHeaders } from "./mock-forward.ts";
import { guard, listen, type Pending, pathOf, type RunningServer, readBody, sendMockResponse } from "./mock-http.ts";
import { type Exchange, exchangeLogger } from "./mock-log.ts";
import { prismUnsafe, violation } from "./mock-screen.ts";

/** What the front of `mix-mock` does before and after Prism. */
export type FrontOptions = {
  port: number;
  host: string;
  /** The stateful model; absent for Prism alone (`--stateless`, `--dynamic`). */
  model?: SessionsModel;
  /** Prism behind the front; absent when it is not installed, and the model answers directly. */
  checker?: Checker;
  /** Requests on their way through Prism to the model (stateful mode with Prism). */
  pending: Pending;
  scenario: Scenario;
  /** The real server's CORS rules for preflights (only its three headers); default: any header. */
  quirks?: boolean;
  /** Receives the one line of each request, and the front's own notes. */
  log: (line: string) => void;
  /** Log only the requests with violations. Default false. */
  quiet?: boolean;
  /** How long Prism may take to begin an answer before it is stopped and started again. Default 15 s. */
  prismTimeoutMs?: number;
};

type Done = (exchange: Omit<Exchange, "method" | "url" | "started">) => void;

const realServerHeaders = "Content-Type, Authorization, X-Requested-With";
const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "*" };

function preflight(req: IncomingMessage, res: ServerResponse, quirks: boolean) {
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    ...cors,
    "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
    "access-control-allow-headers": quirks ? realServerHeaders : (requested ?? realServerHeaders),
    "access-control-max-age": "600",
  });
  res.end();
}

function control(req: IncomingMessage, model: SessionsModel | undefined): MockResponse {
  if (!model) return failure("not_found", "The stateless mock has no store");
  if (req.method === "POST" && req.url === "/__mock/reset") {
    model.reset();
    return { status: 200, body: { data: model.sessions() } };
  }
  if (req.method === "GET" && req.url === "/__mock/sessions") return { status: 200, body: { data: model.sessions() } };
  return failure("not_found", "Known: POST /__mock/reset, GET /__mock/sessions");
}

/**
 * The API's answer without Prism: the model's. Prism alone (`--stateless`, `--dynamic`) has no
 * store; a request it cannot take (a path escape that is not UTF-8, a body it would choke on) is
 * answered by an empty model: 404 for an id, 400 for a body.
 */
function direct(operations: SessionsOperations | undefined, req: IncomingMessage, body: Buffer): MockResponse {
  const model = operations ?? createSessionsModel({ seed: "empty" }).begin();
  return answer(model, req.method ?? "GET", pathOf(req.url), body.toString("utf8"));
}

/** The body Prism is given: the request's for an operation that takes one, else none (Prism would read it). */
function bodyFor(req: IncomingMessage, body: Buffer): Buffer {
  const routing = routeOf(req.method ?? "GET", pathOf(req.url));
  return "route" in routing && "body" in sessionOperations[routing.route.operation] ? body : Buffer.alloc(0);
}

type Context = { options: FrontOptions; operations?: SessionsOperations; req: IncomingMessage; res: ServerResponse };

/**
 * Answers with the model, unchecked, and says why in the log. A 400 (the body breaks the spec),
 * or the router's 404 or 405 (no such operation), is reported as a violation, as Prism would.
 */
function answerDirectly({ operations, req, res, options }: Context, body: Buffer, why: string, done: Done) {
  const response = direct(operations, req, body);
  const broken = response.status === 400 || response.text !== undefined;
  const violations = options.checker && broken ? [messageOf(response)] : [];
  const location = response.text !== undefined ? "path" : "body";
  const found = violations.map((message) => violation(location, message));
  const header: Record<string, string> = found.length ? { "sl-violations": headerJson(found) } : {};
  sendMockResponse(res, response, { ...cors, ...header });
  done({ status: response.status, violations, note: options.checker ? `not checked by Prism: ${why}` : undefined });
}

/** JSON for a header value: characters outside ASCII escaped, as HTTP headers need. */
const headerJson = (value: unknown) =>
  JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const messageOf = (response: MockResponse) =>
  (response.body as { error?: { message?: string } } | undefined)?.error?.message ?? response.text?.trim() ?? "";

/**
 * Passes a request through Prism to the model (or Prism's own mock). When Prism fails to answer,
 * the client still gets the API's answer: the one the model already gave, else the model's now;
 * a Prism that is stuck is stopped, and the checker starts it again.
 */
async function throughPrism(context: Context, checker: Checker, body: Buffer, done: Done) {
  const { options, operations, req, res } = context;
  const id = String(++requestCount);
  if (operations) options.pending.set(id, { operations });
  try {
    const omit = options.model ? ["prefer"] : [];
    const headers = forwardHeaders(req.headers, body.length, id, omit);
    const target = new URL(req.url ?? "/", await checker.url());
    const answer = await forward(target, req.method ?? "GET", headers, body, options.prismTimeoutMs);
    res.writeHead(answer.upstream.statusCode ?? 502, { ...answer.headers, ...cors });
    done({ status: answer.upstream.statusCode ?? 502, violations: answer.violations });
    // Unlike pipe, pipeline ends the client's connection when Prism's answer breaks off mid-body.
    pipeline(answer.upstream, res, (error) => {
      if (error) options.log(`mix-mock: ${req.method} ${req.url}: the answer broke off: ${error.message}`);
    });
  } catch (error) {
    const timedOut = (error as { code?: string }).code === "ETIMEDOUT";
    const why = timedOut ? (error as Error).message : `Prism did not answer: ${(error as Error).message}`;
    if (timedOut) checker.restart(why);
    const given = options.pending.get(id)?.answer;
    if (given) {
      sendMockResponse(res, given, cors);
      done({ status: given.status, note: `not checked: ${why}` });
    } else answerDirectly(context, body, why, done);
  } finally {
    options.pending.delete(id);
  }
}

let requestCount = 0;

async function handle(options: FrontOptions, req: IncomingMessage, res: ServerResponse, done: Done) {
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
    preflight(req, res, options.quirks ?? false);
    return done({ status: 204 });
  }
  const operations = options.model?.begin();
  const body = await readBody(req, maxBodyBytes);
  if (req.url?.startsWith("/__mock/")) {
    const response = control(req, options.model);
    sendMockResponse(res, response, cors);
    return done({ status: response.status });
  }
  const prefer = [req.headers.prefer ?? []].flat().join(", ") || null;
  const request = { method: req.method ?? "GET", pathname: pathOf(req.url), prefer, bodyBytes: body.size };
  const plan = planExchange(request, options.scenario);
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  if (plan.response) {
    const found = options.checker && plan.violation ? [violation(plan.violation.location, plan.violation.message)] : [];
    const header: Record<string, string> = found.length ? { "sl-violations": headerJson(found) } : {};
    sendMockResponse(res, plan.response, { ...cors, ...header });
    return done({ status: plan.response.status, note: plan.note, violations: found.map((v) => v.message) });
  }
  const noted: Done = (exchange) =>
    done({ ...exchange, note: [plan.note, exchange.note].filter(Boolean).join("; ") || undefined });
  const context = { options, operations, req, res };
  const payload = bodyFor(req, body.bytes ?? Buffer.alloc(0));
  const contentType = String(req.headers["content-type"] ?? "");
  const unsafe = options.checker && prismUnsafe(request.pathname, payload, contentType);
  if (!options.checker || unsafe) return answerDirectly(context, payload, unsafe || "", noted);
  await throughPrism(context, options.checker, payload, noted);
}

/**
 * Starts the front of `mix-mock`: CORS for any origin, `/__mock/reset` and `/__mock/sessions`,
 * the scenario (latency, `Prefer`, injected failures: decided here, so they never reach the
 * model), then Prism in front of the model, or the model alone. One log line per request.
 */
export function startFront(options: FrontOptions): Promise<RunningServer> {
  const logExchange = exchangeLogger(options.log, options.quiet);
  const server = createServer(
    guard(async (req, res) => {
      const started = performance.now();
      await handle(options, req, res, (exchange) =>
        logExchange({ method: req.method ?? "GET", url: req.url, started, ...exchange }),
      );
    }, options.log),
  );
  return listen(server, options.port, options.host);
}
