import { describe, expect, it } from "vitest";
import type { OperationFacts } from "../../src/operation-facts.ts";
import { prepareRequest } from "../../src/request.ts";
import { resolvePolicy } from "../../src/retry.ts";
import type { Transport } from "../../src/transport.ts";

// The spec has string and integer fields only; the generator also emits number and boolean.
const op: OperationFacts = {
  method: "POST",
  path: "/api/things",
  idempotent: false,
  body: { required: [], fields: { ratio: { type: "number" }, flag: { type: "boolean" } } },
  errors: [],
  data: "object",
};
const t: Transport = {
  serverURL: "http://api.test",
  headers: undefined,
  policy: resolvePolicy(undefined),
  timeoutMs: 0,
  fetch: undefined,
  logger: undefined,
  random: Math.random,
};

/** The InvalidRequestError message for `params`, or the body that would be sent. */
function checked(params: Record<string, unknown>): string {
  try {
    return String(prepareRequest(t, "makeThing", op, params, undefined).body);
  } catch (error) {
    return (error as Error).message;
  }
}

describe("fields of every type the generator emits", () => {
  it("takes a finite number for a number field, and refuses anything else", () => {
    expect(checked({ ratio: 0.5 })).toBe('{"ratio":0.5}');
    for (const ratio of [Number.NaN, Number.POSITIVE_INFINITY, "0.5", null]) {
      expect(checked({ ratio })).toBe("Invalid request: ratio must be a number");
    }
  });

  it("takes a boolean for a boolean field, and refuses anything else", () => {
    expect(checked({ flag: false })).toBe('{"flag":false}');
    expect(checked({ flag: "false" })).toBe("Invalid request: flag must be a boolean");
  });
});
