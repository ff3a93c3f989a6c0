import { describe, expect, it } from "vitest";
import { sessionOperations } from "../../generated/operations.ts";
import { staleFiles } from "../../scripts/generate.ts";
import { lintSpec } from "../../scripts/lint-spec.ts";
import { Mix } from "../../src/index.ts";

describe("the spec and what is generated from it", () => {
  it("generated/ is what the spec produces now", async () => {
    expect(await staleFiles()).toEqual([]);
  }, 30_000);

  it("the spec passes redocly lint with no error and no warning", () => {
    const { ok, output } = lintSpec();
    expect(ok, output).toBe(true);
  }, 30_000);

  it("every operation in the table is a method of mix.sessions", () => {
    const sessions = new Mix().sessions as unknown as Record<string, unknown>;
    expect(Object.keys(sessions).sort()).toEqual(Object.keys(sessionOperations).sort());
    expect(Object.keys(sessionOperations).sort()).toEqual([
      "cancelProcessing",
      "create",
      "delete",
      "fork",
      "get",
      "list",
    ]);
    for (const name of Object.keys(sessionOperations)) expect(typeof sessions[name]).toBe("function");
  });

  it("create and fork are the only operations the spec marks as not idempotent", () => {
    const notIdempotent = Object.entries(sessionOperations).filter(([, op]) => !op.idempotent);
    expect(notIdempotent.map(([name]) => name).sort()).toEqual(["create", "fork"]);
  });
});
