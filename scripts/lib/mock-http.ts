import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
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

/** Reads a request's body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  req.setEncoding("utf8");
  for await (const chunk of req) body += chunk;
  return body;
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

/** The model over HTTP (what `prism proxy` fronts): each request answered by the model's router. */
export function startModelServer(model: SessionsModel, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const { pathname } = new URL(req.url ?? "/", "http://mock");
    sendMockResponse(res, answer(model, req.method ?? "GET", pathname, body));
  });
  return listen(server, 0, host);
}
