import type { SessionData } from "../../generated/schema.js";

/** The counts, tokens and cost of a session, as SessionData carries them. */
export type Totals = Pick<
  SessionData,
  "userMessageCount" | "assistantMessageCount" | "toolCallCount" | "promptTokens" | "completionTokens" | "cost"
>;

/**
 * A session's messages, never held as a list: the first `length` messages of the history that
 * the totals of a seeded session describe (`origin`). A created session has no origin and no
 * message; a fork is a shorter prefix of its source's history. Time and memory are the same
 * whatever the counts.
 *
 * The history of a seeded session: user and assistant messages alternate, the user first;
 * tool calls, tokens and cost are spread evenly over the assistant messages (the earlier ones
 * take the remainder; cost in millionths of a dollar, so that sums are exact); each assistant
 * message that calls tools is followed by one `tool` message with their results; the first
 * user message carries `firstUserMessage`. With no assistant message, tool calls, tokens and
 * cost belong to no message, so a fork copies none.
 */
export type History = { readonly origin?: SessionData; readonly length: number };

/** One message of a history, as `messageAt` describes it (for tests and docs). */
export type MockMessage = {
  role: "user" | "assistant" | "tool";
  toolCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** Millionths of a US dollar. */
  microCost: number;
};

/** Round i of a seeded history holds a user message (i < users), an assistant one (i < assistants) and its tool results (i < withTools). */
type Shape = { users: number; assistants: number; withTools: number };

/** `total` split over `parts`: each part gets `base`, the first `rest` one more. */
const share = (total: number, parts: number) => {
  const base = Math.floor(total / parts);
  return { base, rest: total - base * parts };
};

/** The sum of the first `count` parts of a split total. */
const sumOfFirst = (total: number, parts: number, count: number) => {
  const { base, rest } = share(total, parts);
  return count * base + Math.min(count, rest);
};

function shapeOf(origin: SessionData): Shape {
  const assistants = origin.assistantMessageCount;
  const { base, rest } = share(origin.toolCallCount, Math.max(assistants, 1));
  const withTools = base > 0 ? assistants : Math.min(rest, assistants);
  return { users: origin.userMessageCount, assistants, withTools };
}

/** Where message number `n` (0-based; n = length means "the end") falls: whole rounds before it, and its place in its round. */
function locate(shape: Shape, n: number): { rounds: number; offset: number } {
  const rounds = Math.max(shape.users, shape.assistants);
  // Round sizes change only at these numbers: in between, whole spans of rounds are skipped at once.
  const edges = [...new Set([shape.withTools, shape.users, shape.assistants, rounds])].sort((a, b) => a - b);
  let from = 0;
  let left = n;
  for (const to of edges) {
    const size = roundSize(shape, from);
    const span = (to - from) * size;
    if (left < span) return { rounds: from + Math.floor(left / size), offset: left % size };
    left -= span;
    from = to;
  }
  return { rounds, offset: 0 };
}

const roundSize = (shape: Shape, round: number) =>
  Number(round < shape.users) + Number(round < shape.assistants) + Number(round < shape.withTools);

/** The role of the message at `offset` in round `round`. */
function roleAt(shape: Shape, round: number, offset: number): MockMessage["role"] {
  const hasUser = round < shape.users;
  if (offset === 0 && hasUser) return "user";
  return offset === Number(hasUser) ? "assistant" : "tool";
}

/** A seeded session's whole history. */
export function seedHistory(session: SessionData): History {
  const shape = shapeOf(session);
  return { origin: session, length: shape.users + shape.assistants + shape.withTools };
}

/**
 * The history a fork at `messageIndex` copies: the first `messageIndex` messages (all of them
 * when there are fewer), plus the next one when the last copied message has tool calls whose
 * results it holds.
 */
export function forkHistory(source: History, messageIndex: number): History {
  const length = Math.min(messageIndex, source.length);
  if (!source.origin) return { length };
  // A tool message follows only an assistant message with tool calls, and a history never ends
  // between the two: so the origin's next message is a tool message exactly when the last
  // copied one has tool calls whose results the source holds.
  const shape = shapeOf(source.origin);
  const next = locate(shape, length);
  const toolsFollow = roleAt(shape, next.rounds, next.offset) === "tool";
  return { origin: source.origin, length: length + Number(toolsFollow) };
}

/** The counts, tokens and cost that follow from a history. */
export function totalsOf(history: History): Totals {
  const { origin, length } = history;
  if (!origin) return { ...emptyTotals };
  const shape = shapeOf(origin);
  const { rounds, offset } = locate(shape, length);
  // A fork takes the tool results after an assistant message, so a history cut inside a round
  // holds only that round's user message: a round without one is never cut.
  const users = Math.min(rounds, shape.users) + Number(offset > 0);
  const assistants = Math.min(rounds, shape.assistants);
  const parts = Math.max(shape.assistants, 1);
  return {
    userMessageCount: users,
    assistantMessageCount: assistants,
    toolCallCount: sumOfFirst(origin.toolCallCount, parts, assistants),
    promptTokens: sumOfFirst(origin.promptTokens, parts, assistants),
    completionTokens: sumOfFirst(origin.completionTokens, parts, assistants),
    cost: sumOfFirst(Math.round(origin.cost * 1e6), parts, assistants) / 1e6,
  };
}

const emptyTotals: Totals = {
  userMessageCount: 0,
  assistantMessageCount: 0,
  toolCallCount: 0,
  promptTokens: 0,
  completionTokens: 0,
  cost: 0,
};

/** The text of the first user message, when the mock knows it (the history holds it). */
export function firstUserMessageOf(history: History): string | undefined {
  // Every history of a session with user messages starts with one: a fork copies one message at least.
  const { origin } = history;
  return origin && origin.userMessageCount > 0 ? origin.firstUserMessage : undefined;
}

/** Message number `n` (0-based) of a seeded session's history. */
export function messageAt(origin: SessionData, n: number): MockMessage {
  const shape = shapeOf(origin);
  const { rounds, offset } = locate(shape, n);
  const role = roleAt(shape, rounds, offset);
  if (role !== "assistant") return { role, toolCalls: 0, promptTokens: 0, completionTokens: 0, microCost: 0 };
  const one = (total: number) =>
    sumOfFirst(total, shape.assistants, rounds + 1) - sumOfFirst(total, shape.assistants, rounds);
  return {
    role,
    toolCalls: one(origin.toolCallCount),
    promptTokens: one(origin.promptTokens),
    completionTokens: one(origin.completionTokens),
    microCost: one(Math.round(origin.cost * 1e6)),
  };
}
