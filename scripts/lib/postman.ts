/**
 * The portal's Postman collection (v2.1): the workflows of spec/sessions.arazzo.yaml as folders
 * of requests, each request made by Postman's own converter (openapi-to-postmanv2, offline)
 * from the bundled spec, with the step's parameters, body and tests.
 */
import { createHash } from "node:crypto";
import { convertV2 } from "openapi-to-postmanv2";
import { type ArazzoDocument, type ArazzoStep, type ArazzoWorkflow, loadArazzo } from "./arazzo.ts";
import { respectOnlyCriteria, stepTests, variableOf } from "./postman-tests.ts";
import { listOperations, type Node } from "./spec.ts";

/** The v2.1 collection schema, as the converter writes it into `info.schema`. */
export const postmanSchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/**
 * Requests and saved responses from the spec's examples, one folder per tag. Only `convertV2`
 * reads `parametersResolution`: the older `convert` ignores it (6.3.3) and fills the requests
 * with placeholders such as "<string>".
 */
const options = {
  folderStrategy: "Tags",
  parametersResolution: "Example",
  includeAuthInfoInExample: false,
} as const;

/** A request or folder of a Postman collection, as far as this file reads it. */
type PostmanItem = Node & { name: string; item?: PostmanItem[]; request?: Node };

type Context = { spec: Node; arazzo: ArazzoDocument; requests: Map<string, PostmanItem> };

const rawJson = { raw: { headerFamily: "json", language: "json" } };

/** A UUID-shaped id derived from text, so the same spec gives the same file. */
function stableId(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Gives every `id` the converter drew at random (requests, folders, saved responses) one derived
 * from its place in the collection, so rebuilding the portal does not change the file.
 */
function stabilize(node: unknown, where: string): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) stabilize(child, `${where}/${i}`);
  } else if (node && typeof node === "object") {
    const record = node as Node;
    if (typeof record.id === "string" && /^[\da-f]{8}-/.test(record.id)) record.id = stableId(where);
    for (const [key, child] of Object.entries(record)) stabilize(child, `${where}/${key}`);
  }
}

function convert(spec: Node): Promise<Node> {
  return new Promise((resolve, reject) => {
    convertV2({ type: "json", data: spec }, options, (error, result) => {
      const collection = result?.output?.[0]?.data as Node | undefined;
      if (error || !result?.result || !collection) {
        reject(new Error(`openapi-to-postmanv2 failed: ${error?.message ?? result?.reason ?? "no collection"}`));
        return;
      }
      resolve(collection);
    });
  });
}

/** The converter's request for each operationId (it names each request by the operation's summary). */
function requestsByOperation(spec: Node, folders: PostmanItem[]): Map<string, PostmanItem> {
  const bySummary = new Map(folders.flatMap((folder) => folder.item ?? []).map((item) => [item.name, item]));
  return new Map(
    listOperations(spec).map(({ operation }) => {
      const item = bySummary.get(operation.summary as string);
      if (!item) throw new Error(`postman: the converter wrote no request for ${operation.operationId}`);
      return [operation.operationId as string, item];
    }),
  );
}

/** One step as a request: the converter's request for its operation, with the step's id, body and tests. */
function stepItem(context: Context, step: ArazzoStep, workflowId: string): PostmanItem {
  const item = structuredClone(context.requests.get(step.operationId)) as PostmanItem;
  const request = item.request as Node;
  item.name = step.description ?? step.stepId;
  request.name = item.name;
  for (const variable of ((request.url as Node).variable ?? []) as Node[]) {
    const parameter = step.parameters?.find((p) => p.in === "path" && p.name === variable.key);
    const expression = String(parameter?.value ?? variable.value);
    const name = variableOf(expression, workflowId);
    variable.value = name ? `{{${name}}}` : expression;
  }
  if (step.requestBody?.payload !== undefined)
    request.body = { mode: "raw", raw: JSON.stringify(step.requestBody.payload, null, 2), options: rawJson };
  const respectOnly = respectOnlyCriteria(step, workflowId);
  if (respectOnly.length > 0) {
    const note = `Respect also checks what a Postman test cannot express: ${respectOnly.join("; ")}`;
    request.description = {
      content: `${(request.description as Node | undefined)?.content ?? ""}\n\n${note}`.trim(),
      type: "text/plain",
    };
  }
  const exec = stepTests(context.arazzo, context.spec, step, workflowId);
  item.event = [{ listen: "test", script: { type: "text/javascript", exec } }];
  return item;
}

function folder(context: Context, workflow: ArazzoWorkflow): PostmanItem {
  const description = [workflow.summary, workflow.description].filter(Boolean).join("\n\n");
  return {
    name: workflow.workflowId,
    description,
    item: workflow.steps.map((step) => stepItem(context, step, workflow.workflowId)),
  };
}

/** Each workflow input's default, as the collection variable `<workflowId>.<input>`. */
function inputVariables(arazzo: ArazzoDocument): Node[] {
  return arazzo.workflows.flatMap((w) =>
    Object.entries(w.inputs?.properties ?? {}).map(([name, input]) => ({
      key: `${w.workflowId}.${name}`,
      value: input.default,
    })),
  );
}

/**
 * The portal's collection: one folder per workflow of the Arazzo description, in its order, each
 * request the converter's for the step's operation, with a test script of its status and shape.
 * Run in order, it goes through a session's life, the ids passed on in collection variables.
 */
export async function postmanCollection(spec: Node, arazzo: ArazzoDocument = loadArazzo()): Promise<Node> {
  const collection = await convert(spec);
  const context = { spec, arazzo, requests: requestsByOperation(spec, collection.item as PostmanItem[]) };
  collection.item = arazzo.workflows.map((workflow) => folder(context, workflow));
  collection.variable = [...((collection.variable ?? []) as Node[]), ...inputVariables(arazzo)];
  const info = collection.info as Node;
  info._postman_id = stableId(String(info.name));
  stabilize(collection.item, "item");
  return collection;
}
