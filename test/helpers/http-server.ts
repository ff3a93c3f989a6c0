import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** A request as the test server received it. */
export type Recorded = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

/** Answers one request; `index` counts requests from 0. May leave the response hanging. */
export type Handler = (req: Recorded, res: ServerResponse, index: number) => void | Promise<void>;

/** A real node:http server on 127.0.0.1 and a random port, recording every request. */
export type TestServer = {
  url: string;
  requests: Recorded[];
  /** Closes the server and every open connection. */
  close: () => Promise<void>;
};

/** Starts a test server (on a random port unless given one). Call `close()` in the test that started it. */
export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    req.setEncoding("utf8");
    for await (const chunk of req) body += chunk;
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
    requests.push(recorded);
    try {
      await handler(recorded, res, requests.length - 1);
    } catch (error) {
      res.destroy(error as Error);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body with the given status and extra headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
