/**
 * Turns an Arazzo step into Postman's terms: the `{{variable}}` its runtime expressions become,
 * and the test script that checks its answer (status, shape from the spec, the step's simple
 * criteria) and keeps its outputs in collection variables for the steps after it.
 */
import type { ArazzoDocument, ArazzoStep } from "./arazzo.ts";
import { expectedStatus } from "./arazzo.ts";
import { deref, listOperations, type Node } from "./spec.ts";

const stepRef = /^\$steps\.([\w-]+)\.outputs\.(\w+)(#\/\S*)?$/;
const inputRef = /^\$inputs\.(\w+)$/;

/** The collection variable a runtime expression reads (`$steps.create.outputs.id` is `create.id`). */
export function variableOf(expression: string, workflowId: string): string | undefined {
  const step = stepRef.exec(expression);
  if (step) return `${step[1]}.${step[2]}${(step[3] ?? "").slice(1).replaceAll("/", ".")}`;
  const input = inputRef.exec(expression);
  return input ? `${workflowId}.${input[1]}` : undefined;
}

/** JavaScript that reads a JSON Pointer of `body` in a Postman script, undefined where it reaches nothing. */
function read(pointer: string): string {
  const keys = pointer === "" ? [] : pointer.slice(1).split("/");
  return `body${keys.map((k) => `?.[${JSON.stringify(k.replaceAll("~1", "/").replaceAll("~0", "~"))}]`).join("")}`;
}

/** Copies `schema` with every `$ref` followed, for a script that has no document to resolve them in. */
function inlined(spec: Node, schema: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error("postman: a schema nests too deep to inline (a recursive $ref?)");
  if (Array.isArray(schema)) return schema.map((s) => inlined(spec, s, depth + 1));
  if (!schema || typeof schema !== "object") return schema;
  const entries = Object.entries(deref(spec, schema))
    // Postman's Ajv 6 rejects formats it does not know; OpenAPI's numeric ones only annotate the type.
    .filter(([key, value]) => !(key === "format" && ["int32", "int64", "float", "double"].includes(value as string)))
    // Annotations only: a shorter script to read. A property named "description" is an object.
    .filter(([key, value]) => !((key === "description" && typeof value === "string") || key.startsWith("x-")))
    .map(([key, value]) => [key, inlined(spec, value, depth + 1)]);
  return Object.fromEntries(entries);
}

function responseSchema(spec: Node, step: ArazzoStep, status: number): unknown {
  const found = listOperations(spec).find(({ operation }) => operation.operationId === step.operationId);
  const response = (found?.operation.responses as Node | undefined)?.[String(status)];
  if (!response) throw new Error(`postman: ${step.operationId} documents no ${status} (step ${step.stepId})`);
  const media = (deref(spec, response).content as Node | undefined)?.["application/json"] as Node | undefined;
  return media?.schema ? inlined(spec, media.schema) : undefined;
}

/** The JavaScript for the right-hand side of a simple criterion: a JSON literal or a step's output. */
function operand(text: string, workflowId: string): string | undefined {
  const variable = variableOf(text, workflowId);
  if (variable) return `pm.collectionVariables.get(${JSON.stringify(variable)})`;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A `pm.test` for a criterion `$response.body#/pointer == value` (or `!=`); undefined for any other. */
function criterionTest(condition: string, workflowId: string): string | undefined {
  const match = /^\$response\.body#(\/\S*) (==|!=) (.+)$/.exec(condition);
  const right = match ? operand(match[3] ?? "", workflowId) : undefined;
  if (!match || right === undefined) return undefined;
  const assertion = match[2] === "==" ? "to.eql" : "to.not.eql";
  return `pm.test(${JSON.stringify(condition)}, () => pm.expect(${read(match[1] ?? "")}).${assertion}(${right}));`;
}

/** The criteria a Postman test cannot express (JSONPath, regex): Respect alone checks them. */
export function respectOnlyCriteria(step: ArazzoStep, workflowId: string): string[] {
  const expressible = (c: { condition: string; type?: string }) =>
    c.type === undefined &&
    (/^\$statusCode == \d{3}$/.test(c.condition) || criterionTest(c.condition, workflowId) !== undefined);
  return (step.successCriteria ?? []).filter((c) => !expressible(c)).map((c) => c.condition);
}

/** Sets the collection variables that later steps read from this step's outputs. */
function outputLines(doc: ArazzoDocument, step: ArazzoStep): string[] {
  const text = JSON.stringify(doc.workflows);
  const used = [...text.matchAll(/\$steps\.([\w-]+)\.outputs\.(\w+)(#\/[^\s"}]*)?/g)].filter(
    (m) => m[1] === step.stepId,
  );
  return [...new Set(used.map((m) => m[0]))].map((expression) => {
    const [, , output = "", pointer = ""] = stepRef.exec(expression) ?? [];
    const source = /^\$response\.body(#\/\S*)?$/.exec(step.outputs?.[output] ?? "");
    if (!source) throw new Error(`postman: ${expression} is not an output of ${step.stepId} read from the body`);
    const value = read(`${(source[1] ?? "#").slice(1)}${pointer.slice(1)}`);
    return `pm.collectionVariables.set(${JSON.stringify(variableOf(expression, ""))}, ${value});`;
  });
}

/** The test script of one step: status, shape, the simple criteria, then the outputs it passes on. */
export function stepTests(doc: ArazzoDocument, spec: Node, step: ArazzoStep, workflowId: string): string[] {
  const status = expectedStatus(step);
  const schema = responseSchema(spec, step, status);
  const shape = schema
    ? `pm.test("the body has the spec's shape for a ${status}", () => pm.response.to.have.jsonSchema(${JSON.stringify(schema)}));`
    : `pm.test("the body is empty", () => pm.expect(pm.response.text()).to.equal(""));`;
  const criteria = (step.successCriteria ?? []).flatMap((c) =>
    c.type ? [] : [criterionTest(c.condition, workflowId)],
  );
  return [
    `pm.test("status is ${status}", () => pm.response.to.have.status(${status}));`,
    shape,
    "let body;",
    "try { body = pm.response.json(); } catch { body = undefined; }",
    ...criteria.filter((line) => line !== undefined),
    ...outputLines(doc, step),
  ];
}
