import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { type Latency, pickFault, pickLatency } from "../../src/mock/faults.ts";
import type { SessionsModel } from "../../src/mock/model.ts";
import { failure } from "../../src/mock/response.ts";
import { guard, listen, quirkHeader, type RunningServer, readBody, sendMockResponse } from "./mock-http.ts";

/** What the front of `npm run mock` does before and after Prism. */
export type FrontOptions = {
  port: number;
  host: string;
  /** Prism's URL: a proxy in front of the model, or a mock of its own. */
  target: string;
  /** The stateful model, for `/__mock/*`; absent for the stateless mock. */
  model?: SessionsModel;
  latency?: Latency;
  failRate?: number;
  /** The real server's CORS rules for preflights (only its three headers); default: any header. */
  quirks?: boolean;
  /** Default Math.random. */
  random?: () => number;
  /** Receives a line for each answer Prism found in violation of the spec. */
  log: (line: string) => void;
};

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

function control(req: IncomingMessage, res: ServerResponse, model: SessionsModel | undefined) {
  if (!model) return sendMockResponse(res, failure("not_found", "The stateless mock has no store"), cors);
  if (req.method === "POST" && req.url === "/__mock/reset") {
    model.reset();
    return sendMockResponse(res, { status: 200, body: { data: model.sessions() } }, cors);
  }
  if (req.method === "GET" && req.url === "/__mock/sessions")
    return sendMockResponse(res, { status: 200, body: { data: model.sessions() } }, cors);
  sendMockResponse(res, failure("not_found", "Known: POST /__mock/reset, GET /__mock/sessions"), cors);
}

/** The headers of Prism's answer as the client gets them: ours for CORS, quirks unvalidated. */
function answerHeaders(upstream: IncomingMessage, line: string, log: FrontOptions["log"]) {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream.headers))
    if (value !== undefined && !name.startsWith("access-control-")) headers[name] = value;
  if (headers[quirkHeader]) {
    delete headers[quirkHeader];
    delete headers["sl-violations"];
  } else if (headers["sl-violations"]) {
    const found = JSON.parse(String(headers["sl-violations"])) as { message: string }[];
    log(`mock: VIOLATION ${line} -> ${upstream.statusCode}: ${found.map((v) => v.message).join("; ")}`);
  }
  return { ...headers, ...cors };
}

function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, options: FrontOptions) {
  const line = `${req.method} ${req.url}`;
  const outgoing = request(new URL(req.url ?? "/", options.target), { method: req.method, headers: req.headers });
  outgoing.on("response", (upstream) => {
    res.writeHead(upstream.statusCode ?? 502, answerHeaders(upstream, line, options.log));
    // Unlike pipe, pipeline ends the client's connection when Prism's answer breaks off mid-body.
    pipeline(upstream, res, (error) => {
      if (error) options.log(`mock: ${line}: the answer broke off: ${error.message}`);
    });
  });
  outgoing.on("error", (error) => {
    // Once the answer has begun, the pipeline above closes the connection.
    if (res.headersSent) return;
    options.log(`mock: ${line}: Prism did not answer: ${error.message}`);
    sendMockResponse(res, failure("internal_error", `Internal error during ${line}: mock proxy failed`), cors);
  });
  outgoing.end(body);
}

/**
 * Starts the front of `npm run mock`: CORS for any origin, `/__mock/reset` and
 * `/__mock/sessions`, latency and injected failures (decided here, so they never reach the
 * model), and everything else forwarded to Prism.
 */
export function startFront(options: FrontOptions): Promise<RunningServer> {
  const random = options.random ?? Math.random;
  const server = createServer(
    guard(async (req, res) => {
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"])
        return preflight(req, res, options.quirks ?? false);
      const body = await readBody(req);
      if (req.url?.startsWith("/__mock/")) return control(req, res, options.model);
      const delay = pickLatency(options.latency, random);
      if (delay > 0) await sleep(delay);
      const fault = pickFault(options.failRate, random);
      if (fault) return sendMockResponse(res, fault, cors);
      forward(req, res, body, options);
    }, options.log),
  );
  return listen(server, options.port, options.host);
}
