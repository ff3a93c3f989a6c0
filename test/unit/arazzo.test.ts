import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { type ArazzoStep, expectedStatus, loadArazzo } from "../../scripts/lib/arazzo.ts";
import { deref, listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";

const doc = loadArazzo();
const spec = loadSpec();
const operations = new Map(listOperations(spec).map((o) => [o.operation.operationId as string, o]));
const steps = doc.workflows.flatMap((w) => w.steps.map((step) => ({ workflow: w.workflowId, step })));

function requestSchema(step: ArazzoStep): unknown {
  const body = operations.get(step.operationId)?.operation.requestBody;
  return body ? deref(spec, ((deref(spec, body).content as Node)["application/json"] as Node).schema) : undefined;
}

describe("spec/sessions.arazzo.yaml", () => {
  it("is Arazzo 1.0.1, the version Redocly Respect runs", () => {
    expect(doc.arazzo).toBe("1.0.1");
  });

  it("calls only operations of the spec, and every one of them in the session's lifecycle", () => {
    for (const { step } of steps) expect(operations.has(step.operationId), step.stepId).toBe(true);
    const lifecycle = doc.workflows.find((w) => w.workflowId === "session-lifecycle");
    expect(new Set(lifecycle?.steps.map((s) => s.operationId))).toEqual(new Set(operations.keys()));
  });

  it("names each step once across the document, so an output or a Postman variable names one step", () => {
    const ids = steps.map(({ step }) => step.stepId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("expects of each step a status the spec documents for its operation", () => {
    for (const { step } of steps) {
      const documented = Object.keys((operations.get(step.operationId)?.operation.responses ?? {}) as Node);
      expect(documented, step.stepId).toContain(String(expectedStatus(step)));
    }
  });

  it("sends bodies the spec allows, except in the steps that expect the 400 for a bad body", () => {
    const ajv = new Ajv2020({ strict: false });
    const sent = steps.filter(({ step }) => step.requestBody?.payload !== undefined);
    const verdicts = sent.map(({ step }) => [
      step.stepId,
      expectedStatus(step),
      ajv.validate(requestSchema(step) as object, step.requestBody?.payload),
    ]);
    expect(verdicts).toEqual([
      ["create", 201, true],
      ["fork", 201, true],
      ["create-untitled", 201, true],
      ["wrong-type", 400, false],
      ["unknown-field", 400, false],
      ["create-source", 201, true],
      ["fork-at-zero", 400, false],
      ["fork-unknown", 404, true],
    ]);
  });

  it("sends nothing as an empty object: Respect 2.77 leaves the body of an empty payload out", () => {
    for (const { step } of steps) expect(step.requestBody?.payload, step.stepId).not.toEqual({});
  });

  it("jumps only to steps of the same workflow that come later, so no failure action loops", () => {
    const actions = doc.components?.failureActions ?? {};
    for (const workflow of doc.workflows) {
      const order = workflow.steps.map((s) => s.stepId);
      for (const [index, step] of workflow.steps.entries()) {
        for (const action of step.onFailure ?? []) {
          const resolved = action.reference
            ? actions[action.reference.replace("$components.failureActions.", "")]
            : action;
          expect(resolved?.type, step.stepId).toBe("goto");
          expect(order.indexOf(resolved?.stepId ?? ""), `${step.stepId} -> ${resolved?.stepId}`).toBeGreaterThan(index);
        }
      }
    }
  });
});
