import type { SessionData } from "../../src/index.ts";
import type { MockMessage, Totals } from "../../src/mock/messages.ts";

/**
 * The message history of the mock's docs, built as a list, message by message: what
 * src/mock/messages.ts computes without a list. Only for small counts.
 */

function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/** A seeded session's messages, as a list. */
export function listMessages(session: SessionData): MockMessage[] {
  const shares = Math.max(session.assistantMessageCount, 1);
  const tools = split(session.toolCallCount, shares);
  const prompt = split(session.promptTokens, shares);
  const completion = split(session.completionTokens, shares);
  const cost = split(Math.round(session.cost * 1e6), shares);
  const none = { toolCalls: 0, promptTokens: 0, completionTokens: 0, microCost: 0 };
  const messages: MockMessage[] = [];
  for (let i = 0; i < Math.max(session.userMessageCount, session.assistantMessageCount); i++) {
    if (i < session.userMessageCount) messages.push({ role: "user", ...none });
    if (i >= session.assistantMessageCount) continue;
    const toolCalls = tools[i] ?? 0;
    const usage = { promptTokens: prompt[i] ?? 0, completionTokens: completion[i] ?? 0, microCost: cost[i] ?? 0 };
    messages.push({ role: "assistant", toolCalls, ...usage });
    if (toolCalls > 0) messages.push({ role: "tool", ...none });
  }
  return messages;
}

/** What a fork at `messageIndex` copies from a list: the first N, plus the tool results of message N. */
export function listFork(messages: readonly MockMessage[], messageIndex: number): MockMessage[] {
  const count = Math.min(messageIndex, messages.length);
  const last = messages[count - 1];
  const withResults = last !== undefined && last.toolCalls > 0 && messages[count]?.role === "tool" ? 1 : 0;
  return messages.slice(0, count + withResults);
}

/** The totals of a list of messages. */
export function listTotals(messages: readonly MockMessage[]): Totals {
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
