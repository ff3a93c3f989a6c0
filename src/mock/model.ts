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

type Record = { session: SessionData; messages: MockMessage[]; order: number };

const publicView = ({ firstUserMessage: _, ...session }: SessionData): SessionData => ({ ...session });

function listView(record: Record): SessionData {
  const first = firstUserMessageOf(record.messages);
  return first === undefined ? publicView(record.session) : { ...publicView(record.session), firstUserMessage: first };
}

/** Newest first by `createdAt`; among equal times, the one added later first. */
function newestFirst(a: Record, b: Record): number {
  return Date.parse(b.session.createdAt) - Date.parse(a.session.createdAt) || b.order - a.order;
}

/** Creates a model of the sessions resource, filled with its seed. */
export function createSessionsModel(options: ModelOptions = {}): SessionsModel {
  const seed = seedSessions(options.seed);
  const quirks = options.quirks ?? false;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUIDv4;
  const store = new Map<string, Record>();
  let order = 0;

  const add = (session: SessionData, messages: MockMessage[]) =>
    store.set(session.id, { session: publicView(session), messages, order: order++ });

  const reset = () => {
    store.clear();
    order = 0;
    for (const session of [...seed].reverse()) add(session, seedMessages(session));
  };

  const newSession = (title: string, workingDirectory: unknown, messages: MockMessage[]): SessionData => {
    const session: SessionData = { id: newId(), title, ...totalsOf(messages), createdAt: formatCreatedAt(now()) };
    if (typeof workingDirectory === "string") session.workingDirectory = workingDirectory;
    add(session, messages);
    return session;
  };

  /** The real server answers an unknown id with 500 on delete and fork; the spec says 404. */
  const unknown = (id: string, op: string): MockResponse =>
    quirks
      ? failure("internal_error", `Internal error during ${op}: session ${id} not found`, 500, true)
      : notFound(id);

  const sorted = () => [...store.values()].sort(newestFirst);

  reset();
  return {
    list() {
      const all = sorted().map(listView);
      return all.length === 0 && quirks ? success(200, null, true) : success(200, all);
    },
    create(body) {
      const parsed = parseBody(body, sessionOperations.create.body);
      if (!parsed.ok) return parsed.response;
      const { title, workingDirectory } = parsed.fields;
      if (quirks && !title)
        return failure("validation_error", "Validation error for field 'title': must not be empty", 400, true);
      return success(201, publicView(newSession((title as string | undefined) ?? "New Session", workingDirectory, [])));
    },
    get(id) {
      const record = store.get(id);
      return record ? success(200, publicView(record.session)) : notFound(id);
    },
    delete(id) {
      if (!store.delete(id)) return unknown(id, "delete session");
      return { status: 204 };
    },
    fork(id, body) {
      const parsed = parseBody(body, sessionOperations.fork.body);
      if (!parsed.ok) return parsed.response;
      const source = store.get(id);
      if (!source) return unknown(id, "fork session");
      const { messageIndex, title } = parsed.fields;
      const messages = forkedMessages(source.messages, messageIndex as number);
      const fork = newSession(
        (title as string | undefined) ?? "Forked Session",
        source.session.workingDirectory,
        messages,
      );
      return success(201, publicView(fork));
    },
    cancelProcessing(id) {
      if (quirks) return success(200, { status: "cancelled", sessionId: id }, true);
      return store.has(id) ? success(200, { cancelled: true }) : notFound(id);
    },
    reset,
    sessions: () => sorted().map(listView),
  };
}
