import { sessionOperations } from "../../generated/operations.js";
import type { SessionData } from "../../generated/schema.js";
import { parseBody } from "./body.js";
import { randomUUIDv4 } from "./ids.js";
import { firstUserMessageOf, forkedMessages, type MockMessage, seedMessages, totalsOf } from "./messages.js";
import { failure, type MockResponse, notFound, success } from "./response.js";
import { type MockSeed, seedSessions } from "./seed.js";
import { formatCreatedAt } from "./time.js";

/** How a model of the sessions resource behaves. */
export type ModelOptions = {
  /** Default `"examples"`: the sessions of the spec's list example. */
  seed?: MockSeed;
  /** Behave like the real server where it differs from the spec. Default false. */
  quirks?: boolean;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Makes session ids. Default: random UUID v4. */
  newId?: () => string;
};

/**
 * The sessions resource in memory, with the API's rules. Each operation returns the answer the
 * API would give; none does I/O. The same model backs `npm run mock` and the MSW handlers.
 */
export type SessionsModel = {
  list(): MockResponse;
  /** `body` is the request body as sent (text). */
  create(body: string): MockResponse;
  get(id: string): MockResponse;
  delete(id: string): MockResponse;
  fork(id: string, body: string): MockResponse;
  cancelProcessing(id: string): MockResponse;
  /** Back to the seed: created and forked sessions go, deleted ones come back. */
  reset(): void;
  /** A copy of the store, as `list` shows it (newest first). */
  sessions(): SessionData[];
};

type Stored = { session: SessionData; messages: MockMessage[]; order: number };

const publicView = ({ firstUserMessage: _, ...session }: SessionData): SessionData => ({ ...session });

function listView(stored: Stored): SessionData {
  const first = firstUserMessageOf(stored.messages);
  return first === undefined ? publicView(stored.session) : { ...publicView(stored.session), firstUserMessage: first };
}

/** Newest first by `createdAt`; among equal times, the one added later first. */
function newestFirst(a: Stored, b: Stored): number {
  return Date.parse(b.session.createdAt) - Date.parse(a.session.createdAt) || b.order - a.order;
}

type State = {
  store: Map<string, Stored>;
  order: number;
  seed: readonly SessionData[];
  quirks: boolean;
  now: () => Date;
  newId: () => string;
};

function add(state: State, session: SessionData, messages: MockMessage[]) {
  state.store.set(session.id, { session: publicView(session), messages, order: state.order++ });
}

function reset(state: State) {
  state.store.clear();
  state.order = 0;
  for (const session of [...state.seed].reverse()) add(state, session, seedMessages(session));
}

function newSession(state: State, title: string, workingDirectory: unknown, messages: MockMessage[]): SessionData {
  const createdAt = formatCreatedAt(state.now());
  const session: SessionData = { id: state.newId(), title, ...totalsOf(messages), createdAt };
  if (typeof workingDirectory === "string") session.workingDirectory = workingDirectory;
  add(state, session, messages);
  return session;
}

/** The real server answers an unknown id with 500 on delete and fork; the spec says 404. */
function unknown(state: State, id: string, op: string): MockResponse {
  if (!state.quirks) return notFound(id);
  return failure("internal_error", `Internal error during ${op}: session ${id} not found`, 500, true);
}

const sorted = (state: State) => [...state.store.values()].sort(newestFirst);

function list(state: State): MockResponse {
  const all = sorted(state).map(listView);
  return all.length === 0 && state.quirks ? success(200, null, true) : success(200, all);
}

function create(state: State, body: string): MockResponse {
  const parsed = parseBody(body, sessionOperations.create.body);
  if (!parsed.ok) return parsed.response;
  const { title, workingDirectory } = parsed.fields;
  if (state.quirks && !title)
    return failure("validation_error", "Validation error for field 'title': must not be empty", 400, true);
  const session = newSession(state, (title as string | undefined) ?? "New Session", workingDirectory, []);
  return success(201, publicView(session));
}

function fork(state: State, id: string, body: string): MockResponse {
  const parsed = parseBody(body, sessionOperations.fork.body);
  if (!parsed.ok) return parsed.response;
  const source = state.store.get(id);
  if (!source) return unknown(state, id, "fork session");
  const { messageIndex, title } = parsed.fields;
  const messages = forkedMessages(source.messages, messageIndex as number);
  const name = (title as string | undefined) ?? "Forked Session";
  return success(201, publicView(newSession(state, name, source.session.workingDirectory, messages)));
}

function cancelProcessing(state: State, id: string): MockResponse {
  if (state.quirks) return success(200, { status: "cancelled", sessionId: id }, true);
  return state.store.has(id) ? success(200, { cancelled: true }) : notFound(id);
}

/** Creates a model of the sessions resource, filled with its seed. */
export function createSessionsModel(options: ModelOptions = {}): SessionsModel {
  const state: State = {
    store: new Map(),
    order: 0,
    seed: seedSessions(options.seed),
    quirks: options.quirks ?? false,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUIDv4,
  };
  reset(state);
  return {
    list: () => list(state),
    create: (body) => create(state, body),
    get: (id) => {
      const record = state.store.get(id);
      return record ? success(200, publicView(record.session)) : notFound(id);
    },
    delete: (id) => (state.store.delete(id) ? { status: 204 } : unknown(state, id, "delete session")),
    fork: (id, body) => fork(state, id, body),
    cancelProcessing: (id) => cancelProcessing(state, id),
    reset: () => reset(state),
    sessions: () => sorted(state).map(listView),
  };
}
