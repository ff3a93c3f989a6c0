import { exampleSessions, sessionDataSchema } from "../../generated/examples.js";
import type { SessionData } from "../../generated/schema.js";
import { schemaProblem } from "./schema.js";

/** Where the store starts: the spec's example sessions (default), nothing, or sessions of your own. */
export type MockSeed = "examples" | "empty" | readonly SessionData[];

/** A seed the mock refuses: which session (`index`), which `field` (`""` for the session itself), and why. */
export class MockSeedError extends TypeError {
  override readonly name = "MockSeedError";
  /** The position of the refused session in the seed. */
  readonly index: number;
  /** The refused field, `""` when the session itself is wrong. */
  readonly field: string;
  /** What is wrong, without the position. */
  readonly problem: string;

  constructor(index: number, field: string, problem: string) {
    super(`seed session ${index}${field ? `, field ${field}` : ""}: ${problem}`);
    this.index = index;
    this.field = field;
    this.problem = problem;
  }
}

function copyOf(session: unknown, index: number): SessionData {
  try {
    return structuredClone(session) as SessionData;
  } catch (error) {
    throw new MockSeedError(index, "", `cannot be copied: ${(error as Error).message}`);
  }
}

/**
 * A copy of the seed's sessions, each checked against the spec's own `SessionData` schema
 * (generated/examples.ts), with ids unique. Throws a `MockSeedError` naming the first bad
 * session and field. The caller's array and sessions are never held, so changing them later
 * changes nothing.
 */
export function seedSessions(seed: MockSeed = "examples"): readonly SessionData[] {
  if (seed === "examples") return exampleSessions.map((session, index) => copyOf(session, index));
  if (seed === "empty") return [];
  if (!Array.isArray(seed)) throw new TypeError('seed must be "examples", "empty" or an array of sessions');
  const firstIndex = new Map<string, number>();
  return seed.map((session: unknown, index) => {
    const found = schemaProblem(sessionDataSchema, session);
    if (found) throw new MockSeedError(index, found.field, found.problem);
    const { id } = session as SessionData;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) throw new MockSeedError(index, "id", `repeats the id of session ${earlier}, ${id}`);
    firstIndex.set(id, index);
    return copyOf(session, index);
  });
}
