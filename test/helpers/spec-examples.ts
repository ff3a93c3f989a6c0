import { deref, listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";
import type { SessionData } from "../../src/index.ts";

const spec = loadSpec();

/** A documented response of one operation, with each of its named examples. */
export type DocumentedResponse = {
  operationId: string;
  status: number;
  examples: { name: string; value: Node }[];
};

/** Every response the spec documents, with its named examples, in document order. */
export function documentedResponses(): DocumentedResponse[] {
  return listOperations(spec).flatMap(({ operation }) =>
    Object.entries(operation.responses as Node).map(([status, response]) => {
      const media = (deref(spec, response).content as Node | undefined)?.["application/json"] as Node | undefined;
      const examples = Object.entries((media?.examples ?? {}) as Node).map(([name, example]) => ({
        name,
        value: deref(spec, example).value as Node,
      }));
      return { operationId: String(operation.operationId), status: Number(status), examples };
    }),
  );
}

/** The `data` of the first example of an operation's success response. */
export function successData(operationId: string): unknown {
  const found = documentedResponses().find((r) => r.operationId === operationId && r.status < 300);
  return found?.examples[0]?.value.data;
}

/** A realistic session, taken from the spec's getSession example. */
export const sampleSession = successData("getSession") as SessionData;
