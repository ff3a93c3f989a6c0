/**
 * The gate's finding stage: Redocly's diff engine (`diffDocuments` of @redocly/openapi-core 2,
 * the engine behind `redocly diff`, called in-process) compares the two normalized documents
 * and lists every node that was added, removed or modified. Its own ratings, from the
 * `diff-recommended` rules, are kept only as a fallback for the few kinds of change the judge
 * has no rule for (security, callbacks, webhooks, recursive components).
 */
import { type Config, createConfig, diffDocuments, type JudgedChange, Source, typeOf } from "redocly-core2";
import type { Obj } from "../json.ts";
import type { DiffChange, DiffLocation } from "../model.ts";

/** What the finding stage hands on: every change, in a stable order (by path, then property). */
export type DiffReport = { changes: DiffChange[] };

let config: Promise<Config> | undefined;

/** Every diff rule on, rated as `diff-recommended` rates it (the judge reads the ratings last). */
function diffConfig(): Promise<Config> {
  config ??= createConfig({ extends: ["diff-recommended"] });
  return config;
}

const document = (name: string, parsed: Obj) => ({ source: new Source(`/${name}.json`, ""), parsed });

function located(side: { location: { pointer: string }; value: unknown } | undefined): DiffLocation | undefined {
  return side && { pointer: side.location.pointer, value: side.value };
}

function asChange(change: JudgedChange): DiffChange {
  return {
    path: change.path,
    typeName: typeOf(change.node),
    kind: change.kind,
    impact: change.impact,
    verdicts: change.verdicts.map(({ ruleId, message }) => ({ ruleId, message })),
    property: change.kind === "modified" ? change.property : undefined,
    base: located("base" in change ? change.base : undefined),
    revision: located("revision" in change ? change.revision : undefined),
  };
}

/** `redocly diff`'s order: by path, then by the property modified. */
function byPlace(a: DiffChange, b: DiffChange): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const [x, y] = [a.property ?? "", b.property ?? ""];
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Compares two (normalized) documents with Redocly's diff engine. */
export async function findChanges(base: Obj, head: Obj): Promise<DiffReport> {
  const result = await diffDocuments({
    base: document("base", base),
    revision: document("head", head),
    config: await diffConfig(),
  });
  const errors = result.problems.filter((p) => p.severity === "error");
  // The normalized documents resolve by construction: an error here is the gate's own bug.
  if (errors.length > 0) throw new Error(`redocly could not read a document: ${errors[0]?.message}`);
  return { changes: result.changes.map(asChange).sort(byPlace) };
}
