import type { SpecFacts, SpecOperationFacts } from "./operations-table.ts";

/** The first line of every generated file. */
export const banner =
  "// Generated from spec/openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.";

function jsDoc(lines: string[], indent = ""): string {
  const body = lines.flatMap((line) => line.split("\n")).map((line) => `${indent} *${line ? ` ${line}` : ""}`);
  return `${indent}/**\n${body.join("\n")}\n${indent} */`;
}

function paramsType(op: SpecOperationFacts): { type: string; optional: boolean } | undefined {
  const parts: string[] = [];
  if (op.pathParams.length) parts.push(`operations["${op.operationId}"]["parameters"]["path"]`);
  if (op.body) parts.push(`operations["${op.operationId}"]["requestBody"]["content"]["application/json"]`);
  if (!parts.length) return undefined;
  return { type: parts.join(" & "), optional: !op.pathParams.length && !op.body?.required.length };
}

function resultType(op: SpecOperationFacts): string {
  if (op.data === "none") return "void";
  return `operations["${op.operationId}"]["responses"][${op.successStatus}]["content"]["application/json"]["data"]`;
}

/**
 * The path template as a RegExp source: literal text escaped, each `{name}` one segment
 * captured as the named group `name`, anchored, a trailing "/" allowed as the API's router does.
 */
export function pathPatternSource(template: string): string {
  const parts = template.split(/(\{[^}]+\})/).map((part) => {
    const param = /^\{([^}]+)\}$/.exec(part);
    return param ? `(?<${param[1]}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  });
  return `^${parts.join("")}\\/?$`;
}

function methodSignature(name: string, op: SpecOperationFacts, docs: SpecFacts["docs"][string]): string {
  const params = paramsType(op);
  const args = [params && `params${params.optional ? "?" : ""}: ${params.type}`, "options?: Options"].filter(Boolean);
  const retry = op.idempotent
    ? "Idempotent: retried under the full retry policy."
    : "Not idempotent: by default retried only after a refused connection or a 429, so it never acts twice.";
  const doc = jsDoc(
    [
      `${docs.summary}.`,
      "",
      docs.description,
      "",
      `\`${op.method} ${op.path}\` (operation \`${op.operationId}\`). Documented errors: ${op.errors.join(", ")}.`,
      retry,
    ],
    "  ",
  );
  return `${doc}\n  ${name}(${args.join(", ")}): Promise<${resultType(op)}>;`;
}

/** Each operation's entry of a table, rendered as a TypeScript object literal. */
function tableOf(facts: SpecFacts, entry: (op: SpecOperationFacts) => unknown): string {
  const rows = Object.entries(facts.operations).map(([name, op]) => [name, entry(op)]);
  return JSON.stringify(Object.fromEntries(rows), null, 2);
}

/** Renders `generated/operations.ts`: the runtime table and the typed method interface. */
export function renderOperations(facts: SpecFacts): string {
  // operationId, successStatus and pathParams (which the path shows) only shape the method types and docs.
  const table = tableOf(facts, ({ successStatus: _, operationId: __, pathParams: ___, ...op }) => op);
  const patterns = Object.entries(facts.operations)
    .map(([name, op]) => `  ${JSON.stringify(name)}: /${pathPatternSource(op.path)}/,`)
    .join("\n");
  const methods = Object.entries(facts.operations)
    .map(([name, op]) => methodSignature(name, op, facts.docs[name] ?? { summary: name, description: "" }))
    .join("\n\n");
  return `${banner}
import type { OperationFacts, SpecRetryPolicy } from "../src/operation-facts.js";
import type { operations } from "./schema.js";

/** The server the spec names first: the default \`serverURL\`. */
export const specServerURL = ${JSON.stringify(facts.serverURL)};

/** The retry policy the spec declares in \`x-speakeasy-retries\` (intervals in milliseconds). */
export const specRetryPolicy = ${JSON.stringify(facts.retry, null, 2)} as const satisfies SpecRetryPolicy;

/** Run-time facts for each method of \`mix.sessions\`, keyed by method name. */
export const sessionOperations = ${table} as const satisfies Record<string, OperationFacts>;

/** The spec's operationId of each method, for tools and reports (the client does not read it). */
export const operationIds = ${tableOf(facts, (op) => op.operationId)} as const;

/**
 * Each method's path as a RegExp, for routers (the mock): each path parameter is a named
 * group (\`{id}\` is \`(?<id>...)\`, one segment, still percent-encoded) and a trailing "/" is allowed.
 */
export const pathPatterns = {
${patterns}
} as const satisfies Record<string, RegExp>;

/** The methods of \`mix.sessions\`, typed from the spec. \`Options\` is the per-call options type. */
export interface SessionsMethods<Options> {
${methods}
}
`;
}
