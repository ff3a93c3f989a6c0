import type { IncomingMessage, ServerResponse } from "node:http";
import { type Recorded, startServer, type TestServer } from "./http-server.ts";
import { sampleSession } from "./spec-examples.ts";

/** The real Mix server's CORS rules (shared/mix-api.md). */
const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
  "access-control-allow-headers": "Content-Type, Authorization, X-Requested-With",
};
const allowedHeaders = new Set(["content-type", "authorization", "x-requested-with"]);

type Session = typeof sampleSession;

function send(res: ServerResponse, status: number, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...cors, ...(text ? { "content-type": "application/json" } : {}) });
  res.end(text);
}

function notFound(res: ServerResponse, id: string) {
  send(res, 404, { error: { code: 404, message: `Session with ID '${id}' not found`, type: "not_found" } });
}

/** Answers a preflight the way the real server's CORS middleware does: unlisted headers get no grant. */
function preflight(headers: IncomingMessage["headers"], res: ServerResponse) {
  const requested = String(headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (requested.every((h) => allowedHeaders.has(h))) res.writeHead(204, cors);
  else res.writeHead(204, { "access-control-allow-origin": "*" });
  res.end();
}

function route(sessions: Map<string, Session>, req: Recorded, res: ServerResponse) {
  const [, api, resource, rawId, action] = req.url.split("/");
  if (api !== "api" || resource !== "sessions") return send(res, 404, { message: "no such route" });
  const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  const body = req.body ? JSON.parse(req.body) : {};
  const session = id === undefined ? undefined : sessions.get(id);
  const create = (fields: Partial<Session>) => {
    const made = { ...sampleSession, id: crypto.randomUUID(), createdAt: "2025-09-10T18:59:13+05:30", ...fields };
    sessions.set(made.id, made);
    return made;
  };
  if (id === undefined && req.method === "GET") return send(res, 200, { data: [...sessions.values()] });
  if (id === undefined && req.method === "POST") return send(res, 201, { data: create(body) });
  if (!session || id === undefined) return notFound(res, id ?? "");
  if (!action && req.method === "GET") return send(res, 200, { data: session });
  if (!action && req.method === "DELETE") {
    sessions.delete(id);
    return send(res, 204);
  }
  if (action === "fork") return send(res, 201, { data: create({ title: body.title ?? "Forked Session" }) });
  if (action === "cancel") return send(res, 200, { data: { cancelled: true } });
  res.writeHead(405, { ...cors, "content-type": "text/plain" });
  res.end("Method Not Allowed");
}

/**
 * A stateful stand-in for the Mix server that follows the spec and enforces the real server's
 * CORS rules, for browser tests. Its request log shows which requests got past the preflight.
 */
export function startMixServer(): Promise<TestServer> {
  const sessions = new Map<string, Session>();
  return startServer((req, res) =>
    req.method === "OPTIONS" ? preflight(req.headers, res) : route(sessions, req, res),
  );
}
