import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { SessionsModel } from "../../src/mock/model.ts";
import type { MockResponse } from "../../src/mock/response.ts";
import { answer } from "../../src/mock/routes.ts";

/**
 * Marks an answer of the model that is one of the real server's deviations (`--quirks`). The
 * front strips it, together with Prism's `sl-violations`: validation is off for those answers.
 */
export const quirkHeader = "x-mix-mock-quirk";

/** A node:http server and how to stop it. */
export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Reads a request's body: its bytes as sent, for forwarding under the request's own Content-Length. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
      log(`mock: ${req.method} ${req.url}: ${error.message}; connection closed`);
      res.destroy();
    });
  };
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
 * The model over HTTP (what `prism proxy` fronts): each request answered by the model's router,
 * on `host` (default 127.0.0.1) and a free port; `log` gets a line for a failed exchange.
 */
export function startModelServer(
  model: SessionsModel,
  { host = "127.0.0.1", log }: { host?: string; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const server = createServer(
    guard(async (req, res) => {
      // Invalid UTF-8 becomes U+FFFD, as in the API's JSON decoder (Go's encoding/json).
      const body = (await readBody(req)).toString("utf8");
      const { pathname } = new URL(req.url ?? "/", "http://mock");
      sendMockResponse(res, answer(model, req.method ?? "GET", pathname, body));
    }, log),
  );
  return listen(server, 0, host);
}
