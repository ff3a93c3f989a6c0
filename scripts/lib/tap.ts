import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import { request as httpsRequest } from "node:https";

/** What the server under test answered to one request, before Prism judged (or replaced) it. */
export type TappedExchange = {
  method: string;
  /** Path and query, as Prism forwarded them. */
  url: string;
  status?: number;
  contentType?: string;
  body?: string;
  /** Set when the server could not be reached or dropped the connection. */
  error?: string;
};

/** A recording pass-through on 127.0.0.1: Prism proxies to it, it forwards to the server. */
export type Tap = {
  url: string;
  exchanges: TappedExchange[];
  /** Closes the tap and every open connection. */
  close: () => Promise<void>;
};

// Hop-by-hop headers, and accept-encoding: asking for an uncompressed answer keeps the record readable.
const dropped = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host", "accept-encoding"]);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
}

/** Sends the request on with node:http (no fetch: it refuses some ports and rewrites headers). */
function forward(target: URL, req: IncomingMessage, res: ServerResponse, record: TappedExchange): Promise<void> {
  return new Promise((resolve, reject) => {
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const headers = { ...forwardable(req.headers), host: target.host };
    const outgoing = send(target, { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("error", reject);
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        const status = answer.statusCode ?? 502;
        Object.assign(record, {
          status,
          contentType: answer.headers["content-type"] ?? "",
          body: body.toString("utf8"),
        });
        const { "content-length": _, ...rest } = forwardable(answer.headers);
        res.writeHead(status, { ...rest, "content-length": body.length });
        res.end(body, resolve);
      });
    });
    outgoing.on("error", reject);
    req.pipe(outgoing);
  });
}

/**
 * Starts a tap in front of `upstream` (a base URL; request paths are resolved against it). It
 * records each answer exactly as the server sent it, so a report can show what the server did
 * even when Prism replaced the answer with its own error. An unreachable server is recorded
 * and the connection to Prism is dropped, so Prism reports it as it would without the tap.
 */
export async function startTap(upstream: string): Promise<Tap> {
  const exchanges: TappedExchange[] = [];
  const base = upstream.endsWith("/") ? upstream : `${upstream}/`;
  const server = createServer((req, res) => {
    const record: TappedExchange = { method: req.method ?? "", url: req.url ?? "" };
    exchanges.push(record);
    // Resolved against the server's URL, so a base path in it (http://host/mix/) is kept.
    const target = new URL((req.url ?? "/").replace(/^\/+/, ""), base);
    forward(target, req, res, record).catch((error: Error) => {
      record.error = String((error.cause as Error | undefined)?.message ?? error.message);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
