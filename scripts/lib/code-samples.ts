/**
 * The portal's code samples: for each operation, a TypeScript sample that uses `mix-sdk` and a
 * curl sample, rendered from the spec's examples and the generated operations table with one
 * template per language, and attached to a bundled spec as Redocly's `x-codeSamples`.
 */
import { operationIds, sessionOperations } from "../../generated/operations.ts";
import type { OperationFacts } from "../../src/operation-facts.ts";
import { deref, listOperations, type Node, type SpecOperation } from "./spec.ts";

/** One entry of an operation's `x-codeSamples`, as Redocly and other portals read it. */
export type CodeSample = { lang: string; label: string; source: string };

/** The labels of the two samples, in the order the portal shows them. */
export const sampleLabels = ["TypeScript", "curl"] as const;

/** What both templates need to know about one operation, all taken from the spec and the table. */
type SampleFacts = {
  /** The SDK method, `mix.sessions.<name>`. */
  name: string;
  method: string;
  /** The server's URL, unchanged; the path follows it. */
  serverURL: string;
  /** The path with the example path parameters filled in, percent-encoded. */
  path: string;
  /** The SDK call's argument: the example path parameters and request body, merged. */
  params?: Node;
  body?: Node;
  /** The documented error statuses, each with the spec's description of it. */
  errors: { status: number; description: string }[];
  /** The name of the variable that holds the result; absent when there is no data. */
  result?: string;
  summary: string;
};

function fail(operationId: string, what: string): never {
  throw new Error(`code samples: ${operationId}: ${what}`);
}

function firstExample(holder: Node): unknown {
  if (holder.example !== undefined) return holder.example;
  const named = Object.values((holder.examples ?? {}) as Node)[0];
  return named === undefined ? undefined : (named as Node).value;
}

/** The success body's `data` schema name, as a variable name: SessionData[] -> "sessions". */
function resultName(spec: Node, operation: Node, status: number): string {
  const media = (deref(spec, (operation.responses as Node)[status]).content as Node)["application/json"] as Node;
  const envelope = deref(spec, media.schema);
  const parts = [envelope, ...((envelope.allOf as unknown[]) ?? [])].map((part) => deref(spec, part));
  // The envelope declares `data` untyped; the allOf member that narrows it names its schema.
  const data = parts
    .map((part) => (part.properties as Node | undefined)?.data as Node | undefined)
    .find((d) => d?.$ref || d?.type);
  const ref = (data?.items as Node | undefined)?.$ref ?? data?.$ref;
  const name = typeof ref === "string" ? String(ref.split("/").pop()).replace(/Data$/, "") : "result";
  return `${name[0]?.toLowerCase()}${name.slice(1)}${data?.type === "array" ? "s" : ""}`;
}

/** The path with each path parameter's example filled in, and those examples by name. */
function examplePath(id: string, table: OperationFacts, found: SpecOperation): { path: string; values: Node } {
  let path: string = table.path;
  const values: Node = {};
  for (const [, name = ""] of table.path.matchAll(/\{(\w+)\}/g)) {
    const param = found.parameters.find((p) => p.name === name) ?? fail(id, `no parameter ${name}`);
    values[name] = firstExample(param) ?? fail(id, `path parameter ${name} has no example`);
    path = path.replace(`{${name}}`, encodeURIComponent(String(values[name])));
  }
  return { path, values };
}

/** The request body's first example; undefined when the operation takes no body. */
function exampleBody(spec: Node, id: string, operation: Node): Node | undefined {
  if (!operation.requestBody) return undefined;
  const media = (deref(spec, operation.requestBody).content as Node)["application/json"] as Node;
  return (firstExample(media) as Node | undefined) ?? fail(id, "the request body has no example");
}

function sampleFacts(spec: Node, serverURL: string, found: SpecOperation): SampleFacts {
  const { operation } = found;
  const id = String(operation.operationId);
  const name = Object.entries(operationIds).find(([, opId]) => opId === id)?.[0] ?? fail(id, "not in the table");
  const table: OperationFacts = sessionOperations[name as keyof typeof sessionOperations];
  const { path, values } = examplePath(id, table, found);
  const body = exampleBody(spec, id, operation);
  const errors = table.errors.map((status) => ({
    status,
    description: String(deref(spec, (operation.responses as Node)[status]).description ?? "").trim(),
  }));
  const successStatus = Number(Object.keys(operation.responses as Node).find((s) => /^2/.test(s)));
  return {
    name,
    method: table.method,
    serverURL,
    path,
    params: Object.keys(values).length || body ? { ...values, ...body } : undefined,
    body,
    errors,
    result: table.data === "none" ? undefined : resultName(spec, operation, successStatus),
    summary: String(operation.summary),
  };
}

/** A JS object literal with bare keys: on one line when the line stays within 80 characters. */
function objectLiteral(value: Node, indent: string, before: number): string {
  const entries = Object.entries(value).map(([key, v]) => `${key}: ${JSON.stringify(v)}`);
  const oneLine = `{ ${entries.join(", ")} }`;
  if (before + oneLine.length + 2 <= 80) return oneLine;
  return `{\n${entries.map((entry) => `${indent}  ${entry},`).join("\n")}\n${indent}}`;
}

/** The TypeScript template: the import, the client, the call, and the documented errors. */
function typescriptSample(s: SampleFacts): string {
  const start = `${s.result ? `const ${s.result} = ` : ""}await mix.sessions.${s.name}(`;
  const call = `${start}${s.params ? objectLiteral(s.params, "  ", start.length + 2) : ""});`;
  const show = s.result ?? JSON.stringify(`${s.summary}: done`);
  const documented = s.errors.map((e) => `// ${e.status}: ${e.description}`).join("\n  ");
  const statuses = s.errors.map((e) => e.status);
  const documentedStatus =
    statuses.length > 1 ? `[${statuses.join(", ")}].includes(error.statusCode)` : `error.statusCode === ${statuses[0]}`;
  return `import { Mix, RESTResponseError } from "mix-sdk";

const mix = new Mix({ serverURL: ${JSON.stringify(s.serverURL)} });

try {
  ${call}
  console.log(${show});
} catch (error) {
  ${documented}
  if (error instanceof RESTResponseError && ${documentedStatus}) {
    console.error(error.statusCode, error.data.error?.type, error.message);
  } else {
    throw error;
  }
}
`;
}

/** Quotes one word for a POSIX shell. */
function shellQuote(word: string): string {
  return /^[\w./:@=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The curl template: the method, the URL, and the JSON body with its content type. */
function curlSample(s: SampleFacts): string {
  const lines = [`curl -X ${s.method} ${shellQuote(`${s.serverURL}${s.path}`)}`];
  if (s.body) lines.push("-H 'Content-Type: application/json'", `-d ${shellQuote(JSON.stringify(s.body))}`);
  return `${lines.join(" \\\n  ")}\n`;
}

/** The samples of every operation of a spec (hand-kept or bundled), keyed by operationId. */
export function renderCodeSamples(spec: Node): Record<string, CodeSample[]> {
  const serverURL = String((spec.servers as Node[] | undefined)?.[0]?.url ?? fail("servers", "no server"));
  const samples: Record<string, CodeSample[]> = {};
  for (const found of listOperations(spec)) {
    const facts = sampleFacts(spec, serverURL, found);
    samples[String(found.operation.operationId)] = [
      { lang: "TypeScript", label: sampleLabels[0], source: typescriptSample(facts) },
      { lang: "Shell", label: sampleLabels[1], source: curlSample(facts) },
    ];
  }
  return samples;
}

/** Adds `x-codeSamples` to every operation of a bundled spec, in place, and returns it. */
export function addCodeSamples(bundle: Node): Node {
  const samples = renderCodeSamples(bundle);
  for (const { operation } of listOperations(bundle)) {
    operation["x-codeSamples"] = samples[String(operation.operationId)] ?? fail(String(operation.operationId), "none");
  }
  return bundle;
}
