import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { attemptPrng, type ChaosAction, drawAction, prng } from "./chaos-actions.ts";
import { sampleSession } from "./spec-examples.ts";

/** One request as the chaos server saw it, and what it did: the truth a chaos test checks against. */
export type ChaosEntry = {
  /** From the `x-chaos-call` header; undefined when the request had none. */
  call: number | undefined;
  /**
   * The client's attempt number from `x-chaos-attempt` (see chaos-probe.ts); without that
   * header, 0 for the call's first request to arrive, then 1, 2, ...
   */
  attempt: number;
  /** The spec's operationId, or "unknown". */
  op: string;
  method: string;
  url: string;
  /** The request body; undefined when the server dropped the connection before reading it. */
  body: string | undefined;
  action: ChaosAction;
  /** The status sent, when the server sent one. */
  status?: number;
  /** The envelope's `data` of a correct answer (undefined for delete's 204). */
  data?: unknown;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
  /** The connection it came on: 0 for the server's first, then 1, 2, ... */
  connection: number;
};

/** A running chaos server on 127.0.0.1 and a random port. */
export type ChaosServer = {
  url: string;
  seed: number;
  /** Every request, in order of arrival. */
  log: ChaosEntry[];
  /** Empties the log and the per-call attempt counters (for long runs). */
  reset: () => void;
  /** Closes every connection and the server, and cancels pending slow answers. */
  close: () => Promise<void>;
};

const hugeBytes = 3 * 1024 * 1024;

function route(method: string, pathname: string): string {
  if (pathname === "/api/sessions") return { GET: "listSessions", POST: "createSession" }[method] ?? "unknown";
  const match = /^\/api\/sessions\/[^/]+(\/fork|\/cancel)?$/.exec(pathname);
  if (!match) return "unknown";
  if (match[1] === "/fork") return method === "POST" ? "forkSession" : "unknown";
  if (match[1] === "/cancel") return method === "POST" ? "cancelSessionProcessing" : "unknown";
  return { GET: "getSession", DELETE: "deleteSession" }[method] ?? "unknown";
}

const okStatus: Record<string, number> = { createSession: 201, forkSession: 201, deleteSession: 204 };

/** The `data` of a correct answer: realistic, and different for every call and attempt. */
function correctData(op: string, id: string, random: () => number): unknown {
  const session = { ...sampleSession, id };
  if (op === "listSessions") {
    if (random() < 0.25) return null;
    return Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({ ...session, id: `${id}-${i}` }));
  }
  if (op === "cancelSessionProcessing") {
    // Half the time the real server's own shape, which the SDK reports as cancelled: true.
    return random() < 0.5 ? { cancelled: true } : { status: "cancelled", sessionId: id };
  }
  return op === "deleteSession" ? undefined : session;
}

let huge: Map<string, { data: unknown; text: Buffer }> | undefined;

/** A correct envelope of about 3 MB per operation, built once: an unknown field that passes through. */
function hugeAnswer(op: string): { data: unknown; text: Buffer } {
  huge ??= new Map();
  let found = huge.get(op);
  if (!found) {
    const transcript = "Ünïcödé and ASCII, ".repeat(Math.ceil(hugeBytes / 19)).slice(0, hugeBytes);
    const session = { ...sampleSession, id: "huge", transcript };
    const data = op === "listSessions" ? [session] : op === "cancelSessionProcessing" ? { cancelled: true } : session;
    const envelope = op === "cancelSessionProcessing" ? { data, transcript } : { data };
    found = { data: op === "deleteSession" ? undefined : data, text: Buffer.from(JSON.stringify(envelope)) };
    huge.set(op, found);
  }
  return found;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = "application/json", extra = {}) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendStatus(res: ServerResponse, action: Extract<ChaosAction, { kind: "status" }>): void {
  const hint = action.hint ? { [action.hint.header]: action.hint.value } : {};
  if (!action.envelope) {
    send(res, action.status, `<html><body><h1>${action.status}</h1></body></html>`, "text/html", hint);
    return;
  }
  const type = action.status === 429 ? "rate_limited" : "internal_error";
  const body = JSON.stringify({ error: { code: action.status, message: `chaos ${action.status}`, type } });
  send(res, action.status, body, "application/json", hint);
}

function badJson(op: string, variant: Extract<ChaosAction, { kind: "bad-json" }>["variant"]): string {
  const valid = JSON.stringify({ data: { ...sampleSession, id: "bad" } });
  if (variant === "syntax") return '{"data": {"id": oops}}';
  if (variant === "truncated") return valid.slice(0, Math.floor(valid.length / 2));
  if (variant === "no-envelope") return op === "listSessions" ? "[1, 2, 3]" : '"done"';
  return op === "listSessions" ? '{"data": {"id": "not-a-list"}}' : '{"data": ["not", "an", "object"]}';
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  let body = "";
  try {
    req.setEncoding("utf8");
    for await (const chunk of req) body += chunk;
    return body;
  } catch {
    return undefined;
  }
}

type Waits = { delay: (ms: number) => Promise<void>; cancel: () => void };

function trackedWaits(): Waits {
  const pending = new Set<NodeJS.Timeout>();
  return {
    delay: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.add(timer);
      }),
    cancel: () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}

/** Carries out an action on a request whose body has been read. */
async function perform(entry: ChaosEntry, res: ServerResponse, random: () => number, waits: Waits) {
  const { action, op } = entry;
  const status = okStatus[op] ?? 200;
  if (action.kind === "drop-after-body") return void res.socket?.destroy();
  if (action.kind === "stall-headers") return;
  if (action.kind === "status") {
    entry.status = action.status;
    return sendStatus(res, action);
  }
  if (action.kind === "huge") {
    const { data, text } = hugeAnswer(op);
    Object.assign(entry, { status: 200, data });
    return send(res, 200, text);
  }
  if (action.kind === "bad-json") {
    entry.status = status === 204 ? 200 : status;
    return send(res, entry.status, badJson(op, action.variant));
  }
  const full = JSON.stringify({ data: { ...sampleSession, id: `half-${entry.call}` } });
  if (action.kind === "stall-body" || action.kind === "drop-mid-body") {
    entry.status = 200;
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(full) });
    res.write(full.slice(0, full.length >> 1));
    if (action.kind === "drop-mid-body") res.write("", () => res.socket?.destroy());
    return;
  }
  if (action.kind !== "ok") return;
  if (action.delayMs) await waits.delay(action.delayMs);
  entry.status = status;
  entry.data = correctData(op, `c${entry.call}-a${entry.attempt}`, random);
  if (status === 204) return void res.writeHead(204).end();
  send(res, status, JSON.stringify({ data: entry.data }));
}

/** What the server keeps between requests. */
type State = {
  seed: number;
  log: ChaosEntry[];
  /** Requests seen per call, for requests without `x-chaos-attempt`. */
  arrivals: Map<number, number>;
  unnamed: () => number;
  waits: Waits;
  connections: WeakMap<Socket, number>;
};

/** Logs a request and draws what to do with it. */
function admit(state: State, req: IncomingMessage): { entry: ChaosEntry; random: () => number } {
  const header = (name: string) => (req.headers[name] === undefined ? undefined : Number(req.headers[name]));
  const call = header("x-chaos-call");
  const arrived = call === undefined ? 0 : (state.arrivals.get(call) ?? 0);
  if (call !== undefined) state.arrivals.set(call, arrived + 1);
  const attempt = header("x-chaos-attempt") ?? arrived;
  const random = call === undefined ? state.unnamed : attemptPrng(state.seed, call, attempt);
  const action = drawAction(random, header("x-chaos-timeout") || 100);
  const { method = "", url = "" } = req;
  const op = route(method, new URL(url, "http://chaos").pathname);
  const connection = state.connections.get(req.socket) ?? -1;
  const receivedAt = performance.now();
  const entry: ChaosEntry = { call, attempt, op, method, url, body: undefined, action, receivedAt, connection };
  state.log.push(entry);
  return { entry, random };
}

async function answer(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { entry, random } = admit(state, req);
  if (entry.action.kind === "drop-before-body") return void req.socket.destroy();
  entry.body = await readBody(req);
  if (entry.body === undefined) return;
  if (entry.op === "unknown") return send(res, 404, JSON.stringify({ error: { code: 404, message: "no such route" } }));
  await perform(entry, res, random, state.waits).catch(() => res.destroy());
}

/**
 * Starts a chaos server. Per request it draws an action from a PRNG seeded with `seed`, the
 * call id (`x-chaos-call`) and the attempt number, so a call meets the same faults however
 * requests interleave. `x-chaos-timeout` (the call's timeout, ms) keeps slow and huge answers
 * inside it. Stop it with `close()` in whatever started it.
 */
export async function startChaosServer(seed: number): Promise<ChaosServer> {
  // Built up front, so that a heap measured during a run does not see them appear.
  for (const op of ["listSessions", "createSession", "getSession", "deleteSession", "forkSession"]) hugeAnswer(op);
  hugeAnswer("cancelSessionProcessing");
  const state: State = {
    seed,
    log: [],
    arrivals: new Map(),
    unnamed: prng(seed),
    waits: trackedWaits(),
    connections: new WeakMap(),
  };
  let connectionCount = 0;
  const server = createServer((req, res) => void answer(state, req, res));
  server.on("connection", (socket: Socket) => state.connections.set(socket, connectionCount++));
  // Idle keep-alive sockets must not be closed under a request the client is just sending.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seed,
    log: state.log,
    reset: () => {
      state.log.length = 0;
      state.arrivals.clear();
    },
    close: () =>
      new Promise((resolve) => {
        state.waits.cancel();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
