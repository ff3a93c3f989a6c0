import { formats, schemaKeywords } from "../../src/mock/schema.ts";
import { banner } from "./render-operations.ts";
import { deref, listOperations, type Node } from "./spec.ts";

/** The sessions of the listSessions 200 example: the mock's default seed. */
export function exampleSessions(spec: Node): Node[] {
  const list = listOperations(spec).find(({ operation }) => operation.operationId === "listSessions");
  const media = (deref(spec, (list?.operation.responses as Node | undefined)?.["200"]).content as Node | undefined)?.[
    "application/json"
  ] as Node | undefined;
  const first = Object.values((media?.examples ?? {}) as Node)[0];
  const data = (deref(spec, first).value as Node | undefined)?.data;
  if (!Array.isArray(data) || data.length === 0) {
    throw new Error("spec/openapi.yaml listSessions: the 200 response needs an example with sessions in data");
  }
  return data as Node[];
}

/** Keywords that only annotate: left out of the copy, since they constrain nothing. */
const annotations = new Set(["description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly"]);

/**
 * A schema of the spec with its references followed and its annotations left out, for the
 * mock's seed check (src/mock/schema.ts). Throws when it uses a keyword that check does not know.
 */
export function checkableSchema(spec: Node, node: unknown, where: string): Node {
  const schema = deref(spec, node);
  const copy: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (annotations.has(key)) continue;
    if (!schemaKeywords.includes(key))
      throw new Error(`${where}: the mock's seed check does not know the keyword "${key}" (src/mock/schema.ts)`);
    if (key === "format" && !Object.hasOwn(formats, String(value)))
      throw new Error(`${where}: the mock's seed check does not know the format "${value}" (src/mock/schema.ts)`);
    copy[key] =
      key === "properties"
        ? Object.fromEntries(
            Object.entries(value as Node).map(([name, inner]) => [
              name,
              checkableSchema(spec, inner, `${where}.${name}`),
            ]),
          )
        : value;
  }
  return copy;
}

/** Renders generated/examples.ts: the spec's example sessions as typed data, and SessionData's schema. */
export function renderExamples(spec: Node): string {
  const sessions = JSON.stringify(exampleSessions(spec), null, 2);
  const sessionData = { $ref: "#/components/schemas/SessionData" };
  const schema = JSON.stringify(checkableSchema(spec, sessionData, "SessionData"), null, 2);
  return `${banner}
import type { Schema } from "../src/mock/schema.js";
import type { SessionData } from "./schema.js";

/**
 * The sessions of the spec's \`listSessions\` example, in the order the example lists them
 * (newest first): the default seed of the mock (\`mix-sdk/mock\` and \`mix-mock\`).
 */
export const exampleSessions: readonly SessionData[] = ${sessions};

/** The spec's \`SessionData\` schema without its descriptions: what the mock checks a seed against. */
export const sessionDataSchema: Schema = ${schema};
`;
}
