import { describe, expect, it } from "vitest";
import { specFacts } from "../../scripts/lib/operations-table.ts";
import { deref, loadSpec, type Node } from "../../scripts/lib/spec.ts";
import { readJson, useMock } from "../helpers/mock-client.ts";
import { uuidPattern } from "../helpers/mock-context.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const spec = loadSpec();
const knownTypes = deref(spec, { $ref: "#/components/schemas/RESTError" }).properties as Node;
const errorTypes = (knownTypes.type as { enum: string[] }).enum;
const bodies: Record<string, string> = { create: '{"title":"t"}', fork: '{"messageIndex":2}' };

/** Every documented answer of every operation, asked for with a Prefer header. */
const requests = Object.entries(specFacts(spec).operations).flatMap(([name, op]) =>
  [op.successStatus, ...op.errors].map((status) => ({
    status,
    method: op.method,
    path: op.path.replace("{id}", sampleSession.id),
    body: bodies[name],
  })),
);

function checkSession(session: Record<string, unknown>) {
  expect(session.id).toMatch(uuidPattern);
  for (const field of [
    "userMessageCount",
    "assistantMessageCount",
    "toolCallCount",
    "promptTokens",
    "completionTokens",
    "cost",
  ])
    expect(session[field], field).toBeGreaterThanOrEqual(0);
}

/** The properties that keep clients validating against the upstream spec working. */
function checkAnswer(status: number, body: Record<string, unknown>) {
  if (status < 300) {
    expect(Object.keys(body)).toContain("data");
    expect(Object.keys(body)).not.toContain("error");
    const data = body.data as Record<string, unknown> | Record<string, unknown>[];
    for (const session of Array.isArray(data) ? data : "id" in data ? [data] : []) checkSession(session);
    return;
  }
  expect(Object.keys(body)).toContain("error");
  expect(Object.keys(body)).not.toContain("data");
  const error = body.error as { code: number; type: string };
  expect(errorTypes).toContain(error.type);
  expect(error.code).toBeGreaterThanOrEqual(400);
}

describe.each([1, 2, 3])("--dynamic --seed %i", (seed) => {
  const t = useMock({ mode: "dynamic", seed });

  it("answers every operation as the API would shape it: data xor error, UUIDs, no negative counts, known error types", async () => {
    expect(requests.length).toBe(14);
    for (const { status, method, path, body } of requests) {
      const headers = { Prefer: `code=${status}`, "content-type": "application/json" };
      const answer = await readJson(await t.send(path, { method, headers, body }));
      expect(answer.status, `${method} ${path}`).toBe(status);
      expect(answer.headers.get("sl-violations")).toBeNull();
      if (status === 204) expect(answer.body).toBeUndefined();
      else checkAnswer(status, answer.body as Record<string, unknown>);
    }
  });
});
