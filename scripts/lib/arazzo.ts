/**
 * Reads spec/sessions.arazzo.yaml: the typed view of the parts of Arazzo 1.0 the scripts use
 * (the conformance check's SDK replay, the Postman collection, the tests of the file itself).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { arazzoPath } from "./spec.ts";

/** A success criterion: a simple condition, or a `jsonpath` / `regex` one with its context. */
export type ArazzoCriterion = { condition: string; context?: string; type?: string };

/** A step parameter; `value` is a literal or a runtime expression such as `$steps.create.outputs.id`. */
export type ArazzoParameter = { name: string; in: string; value: unknown };

/** A failure or success action, or a reference to one in `components`. */
export type ArazzoAction = { name?: string; type?: string; stepId?: string; reference?: string };

/** One step: an operation of the spec called with parameters and a body, and what it must answer. */
export type ArazzoStep = {
  stepId: string;
  description?: string;
  operationId: string;
  parameters?: ArazzoParameter[];
  requestBody?: { contentType?: string; payload?: unknown };
  successCriteria?: ArazzoCriterion[];
  outputs?: Record<string, string>;
  onFailure?: ArazzoAction[];
};

/** A workflow: steps run in order; `inputs` is a JSON Schema whose defaults Respect uses. */
export type ArazzoWorkflow = {
  workflowId: string;
  summary?: string;
  description?: string;
  inputs?: { properties?: Record<string, { default?: unknown }> };
  steps: ArazzoStep[];
};

/** An Arazzo document, as far as the scripts read it. */
export type ArazzoDocument = {
  arazzo: string;
  workflows: ArazzoWorkflow[];
  components?: { failureActions?: Record<string, ArazzoAction> };
};

/** Reads and parses an Arazzo description (default: `spec/sessions.arazzo.yaml`). */
export function loadArazzo(path: string = arazzoPath): ArazzoDocument {
  return parse(readFileSync(path, "utf8")) as ArazzoDocument;
}

/** The status a step must answer: its `$statusCode == N` criterion. Throws when it has none. */
export function expectedStatus(step: ArazzoStep): number {
  for (const { condition, type } of step.successCriteria ?? []) {
    const match = type === undefined ? /^\$statusCode == (\d{3})$/.exec(condition) : null;
    if (match) return Number(match[1]);
  }
  throw new Error(`step ${step.stepId} has no "$statusCode == N" success criterion`);
}

/** Finds a step by id anywhere in the document (step ids are unique across its workflows). */
export function findStep(doc: ArazzoDocument, stepId: string): ArazzoStep | undefined {
  for (const workflow of doc.workflows) {
    const step = workflow.steps.find((s) => s.stepId === stepId);
    if (step) return step;
  }
  return undefined;
}
