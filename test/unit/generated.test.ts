import { describe, expect, it } from "vitest";
import { pathPatterns, sessionOperations } from "../../generated/operations.ts";
import { staleFiles } from "../../scripts/generate.ts";
import { pathPatternSource } from "../../scripts/lib/render-operations.ts";
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

describe("the generated path patterns", () => {
  it("match each path as the spec writes it, one segment per parameter, a trailing slash allowed", () => {
    const { get, fork, list } = pathPatterns;
    expect(get.exec("/api/sessions/a%2Fb")?.groups).toEqual({ id: "a%2Fb" });
    expect(fork.exec("/api/sessions/s1/fork/")?.groups).toEqual({ id: "s1" });
    expect(list.test("/api/sessions/")).toBe(true);
    for (const path of ["/api/sessions/a/b", "/api/sessions/", "/x/api/sessions/s1", "/api/sessions/s1/forks"]) {
      expect(get.test(path) || fork.test(path), path).toBe(false);
    }
  });

  it("escape what a template holds literally", () => {
    expect(pathPatternSource("/v1.0/things/{thingId}")).toBe("^\\/v1\\.0\\/things\\/(?<thingId>[^/]+)\\/?$");
    expect(new RegExp(pathPatternSource("/v1.0/x")).test("/v1x0/x")).toBe(false);
  });
});
