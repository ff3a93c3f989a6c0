import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { SessionsModel, SessionsOperations } from "../../src/mock/model.ts";
import type { MockResponse } from "../../src/mock/response.ts";
import { answer } from "../../src/mock/routes.ts";

/**
 * Marks an answer of the model that is one of the real server's deviations (`--quirks`). The
 * front strips it, together with Prism's `sl-violations`: validation is off for those answers.
 */
export const quirkHeader = "x-mix-mock-quirk";

/** Names a request on its way from the front through Prism to the model (see `Pending`). */
export const requestHeader = "x-mix-mock-request";

/**
 * Requests the front has passed on and not yet answered, by the id in `requestHeader`: the
 * store each one took on arrival (so a reset in between fences it off), and the model's
 * answer once it has one (so the front can send it if Prism fails after the model acted).
 */
export type Pending = Map<string, { operations: SessionsOperations; answer?: MockResponse }>;

/** A node:http server and how to stop it. */
export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** A request's body: its bytes as sent, or only its size when it is over `limit` (the rest is read and dropped). */
export type ReadBody = { bytes: Buffer; size: number } | { bytes?: undefined; size: number };

/**
 * Reads a request's body up to `limit` bytes. Past the limit it reads on without keeping
 * anything, so the client can finish sending and read the 413 on a connection that stays usable.
 */
export async function readBody(req: IncomingMessage, limit = Number.POSITIVE_INFINITY): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  return size <= limit ? { bytes: Buffer.concat(chunks), size } : { size };
}

/**
 * Runs an async request handler so that its failure ends that one exchange, never the process:
 * a client that drops mid-upload makes reading the body fail, and an `async` listener of
 * `createServer` would turn that into an unhandled rejection. The connection is closed (the
 * client is gone, or the answer cannot be trusted) and `log` gets a line.
 */
export function guard(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  log: (line: string) => void = () => {},
): RequestListener {
  return (req, res) => {
    handler(req, res).catch((error: Error) => {
      log(`mix-mock: ${req.method} ${shortURL(req.url)}: ${error.message}; connection closed`);
      res.destroy();
    });
  };
}

/** A request's URL for a log line: at most 200 characters. */
export function shortURL(url: string | undefined): string {
  const text = url ?? "/";
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** Writes a mock answer: JSON, plain text or an empty body, with its headers. */
export function sendMockResponse(res: ServerResponse, response: MockResponse, headers: Record<string, string> = {}) {
  const text = response.text ?? (response.body === undefined ? "" : JSON.stringify(response.body));
  const type = response.body === undefined ? {} : { "content-type": "application/json" };
  const quirk = response.quirk ? { [quirkHeader]: "1" } : {};
  res.writeHead(response.status, { ...type, ...response.headers, ...quirk, ...headers });
  res.end(text);
}

/** Starts a server, resolves once it listens, and closes every connection when stopped. */
export async function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as { port: number }).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`, port: bound, close };
}

/**
 * The path of a request target as sent, still percent-encoded: what comes before "?" or "#"
 * (of the path part, for the absolute form `http://host/path` a proxy client sends).
 */
export function pathOf(url: string | undefined): string {
  const target = url ?? "/";
  const path = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, "") : target;
  return path.split(/[?#]/)[0] || "/";
}

/**
 * The model over HTTP (what `prism proxy` fronts): each request answered by the model's router,
 * with the store the front took for it (`pending`), on `host` (default 127.0.0.1) and a free
 * port; `log` gets a line for a failed exchange.
 */
export function startModelServer(
  model: SessionsModel,
  { host = "127.0.0.1", log, pending }: { host?: string; log?: (line: string) => void; pending?: Pending } = {},
): Promise<RunningServer> {
  const server = createServer(
    guard(async (req, res) => {
      // Invalid UTF-8 becomes U+FFFD, as in the API's JSON decoder (Go's encoding/json).
      const body = ((await readBody(req)).bytes as Buffer).toString("utf8");
      const entry = pending?.get(String(req.headers[requestHeader]));
      const response = answer(entry?.operations ?? model.begin(), req.method ?? "GET", pathOf(req.url), body);
      if (entry) entry.answer = response;
      sendMockResponse(res, response);
    }, log),
  );
  return listen(server, 0, host);
}
