import { afterEach, describe, expect, inject, it } from "vitest";
import { operationIds as idsByMethod, sessionOperations } from "../../generated/operations.ts";
import { Mix, RESTResponseError, type RequestOptions } from "../../src/index.ts";
import { documentedResponses, sampleSession } from "../helpers/spec-examples.ts";
import { createViolationRecorder, expectNoViolations } from "../helpers/violation-recorder.ts";

// Prism alone: a Prefer header picks each documented error example of the spec.
const recorder = createViolationRecorder();
const mix = new Mix({ serverURL: inject("prismURL"), fetch: recorder.fetch });
afterEach(() => expectNoViolations(recorder));

type OperationId = (typeof idsByMethod)[keyof typeof idsByMethod];
const operationIds = Object.values(idsByMethod);
const { id } = sampleSession;

/** One valid SDK call per operation; typed so that a new operation in the spec must be added here. */
const calls: Record<OperationId, (options: RequestOptions) => Promise<unknown>> = {
  listSessions: (options) => mix.sessions.list(options),
  createSession: (options) => mix.sessions.create({ title: "Refactor the billing module" }, options),
  getSession: (options) => mix.sessions.get({ id }, options),
  deleteSession: (options) => mix.sessions.delete({ id }, options),
  forkSession: (options) => mix.sessions.fork({ id, messageIndex: 3 }, options),
  cancelSessionProcessing: (options) => mix.sessions.cancelProcessing({ id }, options),
};

/** Every named example of every documented error status, read from the spec. */
const errorResponses = documentedResponses().filter((r) => r.status >= 400);
const errorCases = errorResponses.flatMap(({ operationId, status, examples }) =>
  examples.map((example) => ({ operationId: operationId as OperationId, status, name: example.name, example })),
);

describe("documented errors, one case per named example in the spec", () => {
  it("generates cases for every operation and every documented error status", () => {
    expect(errorCases.length).toBeGreaterThan(0);
    expect(new Set(errorCases.map((c) => c.operationId))).toEqual(new Set(operationIds));
    for (const [name, op] of Object.entries(sessionOperations)) {
      const operationId = idsByMethod[name as keyof typeof idsByMethod];
      const statuses = errorCases.filter((c) => c.operationId === operationId).map((c) => c.status);
      expect(new Set(statuses), operationId).toEqual(new Set(op.errors));
    }
    // A documented error without an example would be skipped silently: every one must have one.
    const withoutExample = errorResponses.filter((r) => r.examples.length === 0);
    expect(withoutExample.map((r) => `${r.operationId} ${r.status}`)).toEqual([]);
  });

  it.each(errorCases)(
    "$operationId answers $status with example $name: the SDK throws RESTResponseError",
    async ({ operationId, status, name, example }) => {
      const call = calls[operationId];
      expect(call, `no SDK call for ${operationId}`).toBeTypeOf("function");
      const headers = { Prefer: `code=${status}, example=${name}` };
      const error = await call({ headers, retries: { strategy: "none" } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RESTResponseError);
      const thrown = error as RESTResponseError;
      expect(thrown.statusCode).toBe(status);
      expect(thrown.message).toBe((example.value.error as { message: string }).message);
      expect(thrown.data).toStrictEqual(example.value);
      expect(recorder.exchanges).toHaveLength(1);
    },
  );
});
