import { exampleSessions } from "../../generated/examples.js";
import type { SessionData } from "../../generated/schema.js";

/** Where the store starts: the spec's example sessions (default), nothing, or sessions of your own. */
export type MockSeed = "examples" | "empty" | readonly SessionData[];

const counts = [
  "userMessageCount",
  "assistantMessageCount",
  "toolCallCount",
  "promptTokens",
  "completionTokens",
] as const;

/** Names what is wrong with one seed session, or returns undefined when it is usable. */
function problemOf(session: unknown): string | undefined {
  if (typeof session !== "object" || session === null) return "is not an object";
  const s = session as Record<string, unknown>;
  for (const field of ["id", "title", "createdAt"] as const)
    if (typeof s[field] !== "string" || s[field] === "") return `needs a non-empty string ${field}`;
  for (const field of counts)
    if (!Number.isInteger(s[field]) || (s[field] as number) < 0) return `needs ${field} as a whole number >= 0`;
  if (typeof s.cost !== "number" || !(s.cost >= 0)) return "needs cost as a number >= 0";
  if (Number.isNaN(Date.parse(s.createdAt as string))) return "needs createdAt as an RFC 3339 date-time";
  return undefined;
}

/**
 * The seed's sessions, checked: each needs the SessionData fields with sane values, and ids
 * must be unique. Throws a TypeError naming the first bad session.
 */
export function seedSessions(seed: MockSeed = "examples"): readonly SessionData[] {
  if (seed === "examples") return exampleSessions;
  if (seed === "empty") return [];
  if (!Array.isArray(seed)) throw new TypeError('seed must be "examples", "empty" or an array of sessions');
  const ids = new Set<string>();
  seed.forEach((session, index) => {
    const problem = problemOf(session);
    if (problem) throw new TypeError(`seed session ${index} ${problem}`);
    if (ids.has(session.id)) throw new TypeError(`seed session ${index} repeats the id ${session.id}`);
    ids.add(session.id);
  });
  return seed;
}
