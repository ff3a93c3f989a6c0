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

/** Renders generated/examples.ts: the spec's example sessions as typed data. */
export function renderExamples(spec: Node): string {
  const sessions = JSON.stringify(exampleSessions(spec), null, 2);
  return `${banner}
import type { SessionData } from "./schema.js";

/**
 * The sessions of the spec's \`listSessions\` example, in the order the example lists them
 * (newest first): the default seed of the mock (\`mix-sdk/mock\` and \`npm run mock\`).
 */
export const exampleSessions: readonly SessionData[] = ${sessions};
`;
}
