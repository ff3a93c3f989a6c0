import { expect } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { createdAtPattern, type MockKind, uuidPattern } from "./mock-context.ts";
import { sampleSession, successData } from "./spec-examples.ts";

/** The counts and cost of a session with no message yet. */
export const zeroCounts = {
  userMessageCount: 0,
  assistantMessageCount: 0,
  toolCallCount: 0,
  promptTokens: 0,
  completionTokens: 0,
  cost: 0,
};

/** A new session as the stateful mock makes it: a fresh UUID, createdAt now, and these fields. */
export function freshSession(fields: Partial<SessionData>): SessionData {
  return {
    ...zeroCounts,
    id: expect.stringMatching(uuidPattern),
    createdAt: expect.stringMatching(createdAtPattern),
    ...fields,
  } as SessionData;
}

/**
 * What each operation returns on each mock. Prism answers with the spec's examples whatever
 * the request; the stateful mock answers with its store, seeded with the same examples.
 */
export function expectations(kind: MockKind) {
  const prism = kind === "prism";
  const { workingDirectory } = sampleSession;
  return {
    list: successData("listSessions"),
    get: successData("getSession"),
    cancel: successData("cancelSessionProcessing"),
    created: (title: string, dir?: string) =>
      prism ? successData("createSession") : freshSession({ title, ...(dir ? { workingDirectory: dir } : {}) }),
    /** Created with no body: the spec makes the title optional; the stateful mock calls it "New Session". */
    createdUntitled: () => (prism ? successData("createSession") : freshSession({ title: "New Session" })),
    /** The sample session forked at message 3 (its first user message, assistant reply and tool results). */
    forkedAtThree: (title: string) =>
      prism
        ? successData("forkSession")
        : freshSession({
            title,
            workingDirectory,
            userMessageCount: 1,
            assistantMessageCount: 1,
            toolCallCount: 3,
            promptTokens: 4559,
            completionTokens: 1280,
            cost: 0.03355,
          }),
    /** The sample session forked at message 1: its first user message only. */
    forkedAtOne: () =>
      prism
        ? successData("forkSession")
        : freshSession({ title: "Forked Session", workingDirectory, userMessageCount: 1 }),
  };
}
