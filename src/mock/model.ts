import { sessionOperations } from "../../generated/operations.js";
import type { SessionData } from "../../generated/schema.js";
import { parseBody } from "./body.js";
import { randomUUIDv4 } from "./ids.js";
import { firstUserMessageOf, forkHistory, type History, seedHistory, totalsOf } from "./messages.js";
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

/** The six operations over one store; each returns the answer the API would give, and none does I/O. */
export type SessionsOperations = {
  list(): MockResponse;
  /** `body` is the request body as sent (text). */
  create(body: string): MockResponse;
  get(id: string): MockResponse;
  delete(id: string): MockResponse;
  fork(id: string, body: string): MockResponse;
  cancelProcessing(id: string): MockResponse;
};

/**
 * The sessions resource in memory, with the API's rules. The same model backs `mix-mock` and
 * the MSW handlers. Its own six operations act on the store as it is when called.
 */
export type SessionsModel = SessionsOperations & {
  /**
   * The six operations bound to the store as it is now. A request takes them when it arrives:
   * if the store is reset before the request is answered, what it writes goes with the old
   * store and never reaches the new one.
   */
  begin(): SessionsOperations;
  /** Back to the seed: created and forked sessions go, deleted ones come back. */
  reset(): void;
  /** A copy of the store, as `list` shows it (newest first). */
  sessions(): SessionData[];
};

type Stored = { session: SessionData; history: History; order: number };
type Store = { sessions: Map<string, Stored>; order: number };

type State = {
  store: Store;
  seed: readonly SessionData[];
  quirks: boolean;
  now: () => Date;
  newId: () => string;
};

const publicView = ({ firstUserMessage: _, ...session }: SessionData): SessionData => ({ ...session });

function listView(stored: Stored): SessionData {
  const first = firstUserMessageOf(stored.history);
  return first === undefined ? publicView(stored.session) : { ...publicView(stored.session), firstUserMessage: first };
}

/** Newest first by `createdAt`; among equal times, the one added later first. */
function newestFirst(a: Stored, b: Stored): number {
  return Date.parse(b.session.createdAt) - Date.parse(a.session.createdAt) || b.order - a.order;
}

function add(store: Store, session: SessionData, history: History) {
  store.sessions.set(session.id, { session: publicView(session), history, order: store.order++ });
}

function seededStore(seed: readonly SessionData[]): Store {
  const store: Store = { sessions: new Map(), order: 0 };
  for (const session of [...seed].reverse()) add(store, session, seedHistory(session));
  return store;
}

const sorted = (store: Store) => [...store.sessions.values()].sort(newestFirst);

/** The real server answers an unknown id with 500 on delete and fork; the spec says 404. */
function unknown(state: State, id: string, op: string): MockResponse {
  if (!state.quirks) return notFound(id);
  return failure("internal_error", `Internal error during ${op}: session ${id} not found`, 500, true);
}

function newSession(
  state: State,
  store: Store,
  fields: Pick<SessionData, "title" | "workingDirectory">,
  history: History,
) {
  const createdAt = formatCreatedAt(state.now());
  const session: SessionData = { id: state.newId(), title: fields.title, ...totalsOf(history), createdAt };
  if (typeof fields.workingDirectory === "string") session.workingDirectory = fields.workingDirectory;
  add(store, session, history);
  return success(201, publicView(session));
}

function create(state: State, store: Store, body: string): MockResponse {
  const parsed = parseBody(body, sessionOperations.create.body);
  if (!parsed.ok) return parsed.response;
  const { title, workingDirectory } = parsed.fields as { title?: string; workingDirectory?: string };
  if (state.quirks && !title)
    return failure("validation_error", "Validation error for field 'title': must not be empty", 400, true);
  return newSession(state, store, { title: title ?? "New Session", workingDirectory }, { length: 0 });
}

function fork(state: State, store: Store, id: string, body: string): MockResponse {
  const parsed = parseBody(body, sessionOperations.fork.body);
  if (!parsed.ok) return parsed.response;
  const source = store.sessions.get(id);
  if (!source) return unknown(state, id, "fork session");
  const { messageIndex, title } = parsed.fields as { messageIndex: number; title?: string };
  const fields = { title: title ?? "Forked Session", workingDirectory: source.session.workingDirectory };
  return newSession(state, store, fields, forkHistory(source.history, messageIndex));
}

function operations(state: State, store: Store): SessionsOperations {
  return {
    list: () => {
      const all = sorted(store).map(listView);
      return all.length === 0 && state.quirks ? success(200, null, true) : success(200, all);
    },
    create: (body) => create(state, store, body),
    get: (id) => {
      const stored = store.sessions.get(id);
      return stored ? success(200, publicView(stored.session)) : notFound(id);
    },
    delete: (id) => (store.sessions.delete(id) ? { status: 204 } : unknown(state, id, "delete session")),
    fork: (id, body) => fork(state, store, id, body),
    cancelProcessing: (id) => {
      if (state.quirks) return success(200, { status: "cancelled", sessionId: id }, true);
      return store.sessions.has(id) ? success(200, { cancelled: true }) : notFound(id);
    },
  };
}

/** Creates a model of the sessions resource, filled with a copy of its seed. */
export function createSessionsModel(options: ModelOptions = {}): SessionsModel {
  const seed = seedSessions(options.seed);
  const state: State = {
    store: seededStore(seed),
    seed,
    quirks: options.quirks ?? false,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUIDv4,
  };
  const current = () => operations(state, state.store);
  return {
    list: () => current().list(),
    create: (body) => current().create(body),
    get: (id) => current().get(id),
    delete: (id) => current().delete(id),
    fork: (id, body) => current().fork(id, body),
    cancelProcessing: (id) => current().cancelProcessing(id),
    begin: current,
    reset: () => {
      state.store = seededStore(state.seed);
    },
    sessions: () => sorted(state.store).map(listView),
  };
}
