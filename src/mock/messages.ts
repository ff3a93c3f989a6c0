import type { SessionData } from "../../generated/schema.js";

/**
 * One message of a session's history as the mock models it. The API does not expose messages,
 * but fork copies them, so the mock keeps a list per session that agrees with its counts.
 */
export type MockMessage = {
  /** `tool` messages carry the results of the tool calls of the assistant message before them. */
  role: "user" | "assistant" | "tool";
  /** The text, where the mock knows it (the first user message of a seeded session). */
  content?: string;
  /** Tool calls the message made; only assistant messages make them. */
  toolCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** Cost in millionths of a US dollar: an integer, so that sums are exact. */
  microCost: number;
};

/** The counts, tokens and cost of a session, as SessionData carries them. */
export type Totals = Pick<
  SessionData,
  "userMessageCount" | "assistantMessageCount" | "toolCallCount" | "promptTokens" | "completionTokens" | "cost"
>;

/** Splits a whole number into `parts` whole numbers that differ by at most one, the larger first. */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * A history that agrees with a session's counts: user and assistant messages alternate, the
 * user first; tool calls, tokens and cost are spread evenly over the assistant messages (the
 * earlier ones take the remainder), and each assistant message that calls tools is followed by
 * one `tool` message with their results. The first user message carries `firstUserMessage`.
 * With no assistant message, tool calls, tokens and cost belong to no message (a fork copies none).
 */
export function seedMessages(session: SessionData): MockMessage[] {
  const users = session.userMessageCount;
  const assistants = session.assistantMessageCount;
  const shares = Math.max(assistants, 1);
  const tools = split(session.toolCallCount, shares);
  const prompt = split(session.promptTokens, shares);
  const completion = split(session.completionTokens, shares);
  const cost = split(Math.round(session.cost * 1e6), shares);
  const messages: MockMessage[] = [];
  const none = { toolCalls: 0, promptTokens: 0, completionTokens: 0, microCost: 0 };
  for (let i = 0; i < Math.max(users, assistants); i++) {
    if (i < users) {
      const content = i === 0 ? session.firstUserMessage : undefined;
      messages.push(content === undefined ? { role: "user", ...none } : { role: "user", content, ...none });
    }
    if (i >= assistants) continue;
    const toolCalls = tools[i] ?? 0;
    const usage = { promptTokens: prompt[i] ?? 0, completionTokens: completion[i] ?? 0, microCost: cost[i] ?? 0 };
    messages.push({ role: "assistant", toolCalls, ...usage });
    if (toolCalls > 0) messages.push({ role: "tool", ...none });
  }
  return messages;
}

/**
 * The messages a fork at `messageIndex` copies: the first `messageIndex` (all of them when there
 * are fewer), plus the next one when the last copied message has tool calls whose results it holds.
 */
export function forkedMessages(messages: readonly MockMessage[], messageIndex: number): MockMessage[] {
  const count = Math.min(messageIndex, messages.length);
  const last = messages[count - 1];
  const next = messages[count];
  const withResults = last !== undefined && last.toolCalls > 0 && next?.role === "tool" ? 1 : 0;
  return messages.slice(0, count + withResults).map((message) => ({ ...message }));
}

/** The counts, tokens and cost that follow from a list of messages. */
export function totalsOf(messages: readonly MockMessage[]): Totals {
  const sum = (pick: (m: MockMessage) => number) => messages.reduce((total, m) => total + pick(m), 0);
  return {
    userMessageCount: sum((m) => (m.role === "user" ? 1 : 0)),
    assistantMessageCount: sum((m) => (m.role === "assistant" ? 1 : 0)),
    toolCallCount: sum((m) => m.toolCalls),
    promptTokens: sum((m) => m.promptTokens),
    completionTokens: sum((m) => m.completionTokens),
    cost: sum((m) => m.microCost) / 1e6,
  };
}

/** The text of the first user message, when the mock knows it. */
export function firstUserMessageOf(messages: readonly MockMessage[]): string | undefined {
  return messages.find((m) => m.role === "user")?.content;
}
