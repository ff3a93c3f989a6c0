import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { SessionData } from "../../src/index.ts";
import { type Recorded, sendJson, startServer, type TestServer } from "./http-server.ts";

/**
 * Stateful in-memory Mix servers on 127.0.0.1 for the conformance check. `spec` follows
 * spec/openapi.yaml exactly; `real` does what the real Mix server is known to do instead
 * (../shared/mix-api.md, last section).
 */
export type Flavour = "spec" | "real";

type Stored = SessionData & { messages: number };

const errorTypes = { 400: "validation_error", 404: "not_found", 405: "bad_request", 500: "internal_error" } as const;

function sendError(res: ServerResponse, status: keyof typeof errorTypes, message: string) {
  sendJson(res, status, { error: { code: status, message, type: errorTypes[status] } });
}

/** RFC 3339 in the server's offset, to the second, like the real server: 2025-09-10T18:59:13+05:30. */
function createdAt(): string {
  return `${new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 19)}+05:30`;
}

function newSession(title: string, workingDirectory?: string): Stored {
  const session: Stored = {
    id: randomUUID(),
    title,
    userMessageCount: 0,
    assistantMessageCount: 0,
    toolCallCount: 0,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    createdAt: createdAt(),
    messages: 0,
  };
  if (workingDirectory !== undefined) session.workingDirectory = workingDirectory;
  return session;
}

const publicView = ({ messages: _, ...session }: Stored): SessionData => session;

/** Parses a JSON object body with only the allowed fields of the allowed types (strict, like the server). */
function strictBody(body: string, fields: Record<string, "string" | "integer">): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "Invalid request body: not JSON";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return "Invalid request body: not an object";
  for (const [key, value] of Object.entries(parsed)) {
    const type = fields[key];
    if (!type) return `Invalid request body: unknown field '${key}'`;
    const ok = type === "integer" ? Number.isInteger(value) : typeof value === type;
    if (!ok) return `Validation error for field '${key}': must be a ${type}`;
  }
  return parsed as Record<string, unknown>;
}

type Route = { kind: "list" | "one" | "fork" | "cancel"; id?: string } | undefined;

function route(url: string): Route {
  const match = /^\/api\/sessions(?:\/([^/?]+)(?:\/(fork|cancel))?)?\/?(?:\?.*)?$/.exec(url);
  if (!match) return undefined;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  if (id === undefined) return { kind: "list" };
  return { kind: (match[2] as "fork" | "cancel" | undefined) ?? "one", id };
}

type State = { sessions: Map<string, Stored>; real: boolean };

function unknownId(state: State, res: ServerResponse, id: string, op: string) {
  if (state.real && op !== "get")
    return sendError(res, 500, `Internal error during ${op} session: session ${id} not found`);
  sendError(res, 404, `Session with ID '${id}' not found`);
}

function create(state: State, req: Recorded, res: ServerResponse) {
  const body = strictBody(req.body, { title: "string", workingDirectory: "string" });
  if (typeof body === "string") return sendError(res, 400, body);
  if (state.real && !body.title) return sendError(res, 400, "Validation error for field 'title': must not be empty");
  const session = newSession(
    (body.title as string | undefined) ?? "New Session",
    body.workingDirectory as string | undefined,
  );
  state.sessions.set(session.id, session);
  sendJson(res, 201, { data: publicView(session) });
}

function fork(state: State, req: Recorded, res: ServerResponse, id: string) {
  const source = state.sessions.get(id);
  if (!source) return unknownId(state, res, id, "fork");
  const body = strictBody(req.body, { messageIndex: "integer", title: "string" });
  if (typeof body === "string") return sendError(res, 400, body);
  if (typeof body.messageIndex !== "number" || body.messageIndex < 1) {
    return sendError(res, 400, "Validation error for field 'messageIndex': must be at least 1");
  }
  const copy = newSession((body.title as string | undefined) ?? "Forked Session", source.workingDirectory);
  copy.messages = Math.min(source.messages, body.messageIndex);
  state.sessions.set(copy.id, copy);
  sendJson(res, 201, { data: publicView(copy) });
}

function cancel(state: State, res: ServerResponse, id: string) {
  if (state.real) return sendJson(res, 200, { data: { status: "cancelled", sessionId: id } });
  if (!state.sessions.has(id)) return unknownId(state, res, id, "cancel");
  sendJson(res, 200, { data: { cancelled: true } });
}

function getOrDelete(state: State, req: Recorded, res: ServerResponse, id: string) {
  const session = state.sessions.get(id);
  if (!session) return unknownId(state, res, id, req.method === "DELETE" ? "delete" : "get");
  if (req.method === "GET") return sendJson(res, 200, { data: publicView(session) });
  state.sessions.delete(id);
  res.writeHead(204).end();
}

function list(state: State, res: ServerResponse) {
  const all = [...state.sessions.values()].map(publicView);
  sendJson(res, 200, { data: state.real && all.length === 0 ? null : all });
}

const methodsOf = { list: ["GET", "POST"], one: ["GET", "DELETE"], fork: ["POST"], cancel: ["POST"] };

function handle(state: State, req: Recorded, res: ServerResponse) {
  const found = route(req.url);
  if (!found) return sendError(res, 404, `No route for ${req.url}`);
  if (!methodsOf[found.kind].includes(req.method)) {
    if (state.real) return void res.writeHead(405, { "content-type": "text/plain" }).end("405 method not allowed");
    return sendError(res, 405, `Method ${req.method} is not allowed here`);
  }
  const id = found.id ?? "";
  if (found.kind === "list") return req.method === "GET" ? list(state, res) : create(state, req, res);
  if (found.kind === "fork") return fork(state, req, res, id);
  if (found.kind === "cancel") return cancel(state, res, id);
  return getOrDelete(state, req, res, id);
}

/** The real Mix server's CORS rules (shared/mix-api.md). */
const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
  "access-control-allow-headers": "Content-Type, Authorization, X-Requested-With",
};
const allowedHeaders = new Set(["content-type", "authorization", "x-requested-with"]);

/** Answers a preflight as the real server's CORS middleware does: an unlisted header gets no grant. */
function preflight(req: Recorded, res: ServerResponse) {
  const requested = String(req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  res.writeHead(204, requested.every((h) => allowedHeaders.has(h)) ? cors : { "access-control-allow-origin": "*" });
  res.end();
}

/**
 * Starts a Mix server of the given flavour. The `real` one also enforces the real server's
 * CORS rules, for browser tests. Close it in the test that started it.
 */
export function startMixServer(flavour: Flavour): Promise<TestServer> {
  const state: State = { sessions: new Map(), real: flavour === "real" };
  return startServer((req, res) => {
    if (!state.real) return handle(state, req, res);
    if (req.method === "OPTIONS") return preflight(req, res);
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    handle(state, req, res);
  });
}
