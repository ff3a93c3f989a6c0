/** The clause a line adds to say why the judge decided as it did, where that is not obvious. */
import type { Verdict } from "../model.ts";
import { shown } from "./kinds.ts";

const oneOf = "a oneOf takes a value only when exactly one of its variants matches";

const clauses: Record<string, (request: boolean) => string> = {
  "oneOf-overlap": () => `a value can now match more than one variant, and ${oneOf}`,
  "oneOf-unknown": () => `counted as breaking: ${oneOf}, and nothing shows that these variants exclude each other`,
  required: (request) => (request ? "required: every client sends it" : "always sent"),
  default: (request) =>
    request ? "what a client that leaves it out gets" : "what a client assumes when it is missing",
};

/** ` (why)`, or "" when the verdict needs no reason. A breaking default says what a default is. */
export function reasonText(v: Verdict, request: boolean): string {
  const isDefault = v.code === "default" || v.code.endsWith("-default");
  const key = v.reason ?? (isDefault && v.breaking ? "default" : undefined);
  const clause = key === undefined ? undefined : clauses[key]?.(request);
  return clause ? ` (${clause})` : "";
}

/** "default 20 -> 50", "default (none) -> latest". */
export function defaultText(before: unknown, after: unknown): string {
  return `default ${shown(before)} -> ${shown(after)}`;
}
