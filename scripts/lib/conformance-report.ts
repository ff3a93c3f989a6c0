/**
 * Turns the conformance check's recorded steps into findings: problems (the server violates
 * the spec; the check fails) and notes (worth knowing, allowed by the spec).
 */
import { operationIds, sessionOperations } from "../../generated/operations.ts";
import type { OperationName, StepRecord, Violation } from "./conformance-steps.ts";
import { deref, listOperations, loadSpec, type Node } from "./spec.ts";

/** What kind of problem a finding is. */
export type ProblemKind =
  | "request violation"
  | "response violation"
  | "undocumented status"
  | "unexpected status"
  | "no answer"
  | "prism error";

/** A problem: the server does not do what the spec says. */
export type Problem = { step: number; kind: ProblemKind; text: string };

/** A note: allowed by the spec, but worth knowing (the SDK's tolerance, undeclared fields). */
export type Note = {
  step: number;
  kind: "sdk tolerance" | "undeclared fields" | "sdk error" | "made-up id";
  text: string;
};

/** What the spec says about the operations, read once per report. */
export type SpecFacts = {
  /** Per method of `mix.sessions`: the documented 2xx from the spec, then the generated table's errors. */
  documented: Record<OperationName, number[]>;
  /** Per operationId: the fields the spec declares for a success's `data` (items, for a list). */
  dataFields: Record<string, string[]>;
};

function properties(spec: Node, schema: unknown): Record<string, unknown> {
  const node = deref(spec, schema);
  const own = (node.properties ?? {}) as Record<string, unknown>;
  const parts = ((node.allOf ?? []) as unknown[]).map((part) => properties(spec, part));
  return Object.assign({}, ...parts, own);
}

function successSchema(spec: Node, operation: Node): { status: number; schema: unknown } | undefined {
  for (const [status, response] of Object.entries((operation.responses ?? {}) as Node)) {
    if (!/^2\d\d$/.test(status)) continue;
    const content = (deref(spec, response).content ?? {}) as Node;
    return { status: Number(status), schema: (content["application/json"] as Node | undefined)?.schema };
  }
  return undefined;
}

/** Reads the documented statuses and declared `data` fields of the six operations from the spec. */
export function specFacts(spec: Node = loadSpec()): SpecFacts {
  const documented = {} as Record<OperationName, number[]>;
  const dataFields: Record<string, string[]> = {};
  const operations = listOperations(spec);
  for (const [name, facts] of Object.entries(sessionOperations) as [
    OperationName,
    (typeof sessionOperations)[OperationName],
  ][]) {
    const operationId = operationIds[name];
    const found = operations.find((o) => o.operation.operationId === operationId);
    const success = found ? successSchema(spec, found.operation) : undefined;
    documented[name] = [...(success ? [success.status] : []), ...facts.errors];
    if (!success?.schema) continue;
    const data = deref(spec, properties(spec, success.schema).data ?? {});
    dataFields[operationId] = Object.keys(properties(spec, data.type === "array" ? data.items : data));
  }
  return { documented, dataFields };
}

/** Cuts a body for a one-line report. */
export function excerpt(text: string | undefined, limit = 160): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  if (flat === "") return "(empty body)";
  return flat.length > limit ? `${flat.slice(0, limit - 3)}...` : flat;
}

const isProblemJson = (contentType: string | undefined) => (contentType ?? "").startsWith("application/problem+json");
const problemBody = (body: string) => {
  try {
    return JSON.parse(body) as { type?: string; title?: string; detail?: string; validation?: Violation[] };
  } catch {
    return {};
  }
};
// Prism's own note that a status is not in the spec; the undocumented-status problem says it in full.
const isStatusMismatch = (v: Violation) => v.location?.join(".") === "response" && /status code/i.test(v.message);

/** Prism's violations for a step, split by direction. */
function violations(record: StepRecord): { request: Violation[]; response: Violation[] } {
  const exchange = record.exchange;
  if (!exchange) return { request: [], response: [] };
  const problem = isProblemJson(exchange.contentType) ? problemBody(exchange.body) : {};
  const seen = new Set<string>();
  const all = [...exchange.violations, ...(problem.validation ?? [])].filter((v) => {
    const key = `${v.location?.join(".")}|${v.message}`;
    return !seen.has(key) && seen.add(key) && !isStatusMismatch(v);
  });
  // Without a forwarded request, whatever Prism found was in the request (it answers 422 itself).
  const forwarded = record.upstream !== undefined;
  const isRequest = (v: Violation) => v.location?.[0] === "request" || !forwarded;
  return { request: all.filter(isRequest), response: all.filter((v) => !isRequest(v)) };
}

function where(v: Violation): string {
  return v.location?.length ? ` (at ${v.location.join(".")})` : "";
}

function serverSaid(record: StepRecord): string {
  const up = record.upstream;
  return `the server answered ${up?.status} ${excerpt(up?.body)}`;
}

/** The problems of one step (`index` counts from 1). */
export function problemsOf(record: StepRecord, index: number, facts: SpecFacts): Problem[] {
  const problems: Problem[] = [];
  const add = (kind: ProblemKind, text: string) =>
    problems.push({ step: index, kind, text: `${record.operationId}: ${text}` });
  const { exchange, upstream } = record;
  if (!exchange) add("no answer", `the SDK sent nothing: ${record.viaPrism.ok ? "" : record.viaPrism.message}`);
  if (upstream?.error) add("no answer", `the server could not be reached: ${upstream.error}`);
  const found = violations(record);
  for (const v of found.request) add("request violation", `${v.message}${where(v)}`);
  const replaced = exchange?.status !== upstream?.status ? `; Prism replaced it with its own ${exchange?.status}` : "";
  for (const v of found.response)
    add("response violation", `${v.message}${where(v)}; ${serverSaid(record)}${replaced}`);
  const documented = facts.documented[record.operation];
  if (upstream?.status !== undefined && !documented.includes(upstream.status)) {
    add(
      "undocumented status",
      `status ${upstream.status} is not documented (the spec lists ${documented.join(", ")}); ${serverSaid(record)}`,
    );
  } else if (upstream?.status !== undefined && upstream.status !== record.expected && found.response.length === 0) {
    add("unexpected status", `expected ${record.expected}, got ${upstream.status}; ${serverSaid(record)}`);
  } else if (!upstream && exchange && isProblemJson(exchange.contentType) && found.request.length === 0) {
    const { title, detail } = problemBody(exchange.body);
    add(
      "prism error",
      `Prism answered ${exchange.status} itself: ${title ?? excerpt(exchange.body)}${detail ? ` (${detail})` : ""}`,
    );
  }
  return problems;
}

function dataOf(body: string | undefined): unknown {
  try {
    return (JSON.parse(body ?? "") as { data?: unknown }).data;
  } catch {
    return undefined;
  }
}

/** The notes of one step: the SDK's tolerance at work, fields the spec does not declare. */
export function notesOf(record: StepRecord, index: number, facts: SpecFacts): Note[] {
  const notes: Note[] = [];
  const add = (kind: Note["kind"], text: string) =>
    notes.push({ step: index, kind, text: `${record.operationId}: ${text}` });
  if (record.madeUpId)
    add("made-up id", `no session could be created, so this step used the made-up id ${record.madeUpId}`);
  const { upstream, direct } = record;
  if (!upstream?.status || upstream.status >= 300 || !direct) return notes;
  const data = dataOf(upstream.body);
  if (direct.ok && direct.value !== undefined && JSON.stringify(direct.value) !== JSON.stringify(data)) {
    add(
      "sdk tolerance",
      `the server sent data ${excerpt(JSON.stringify(data) ?? "(none)")}; the SDK returns ${excerpt(JSON.stringify(direct.value))}`,
    );
  }
  if (!direct.ok)
    add(
      "sdk error",
      `on the server's own ${upstream.status} answer the SDK throws ${direct.name}: ${excerpt(direct.message)}`,
    );
  const declared = facts.dataFields[record.operationId];
  const items = Array.isArray(data) ? data : [data];
  const extra = new Set(items.flatMap((item) => (item && typeof item === "object" ? Object.keys(item) : [])));
  for (const field of declared ?? []) extra.delete(field);
  if (declared && extra.size > 0) {
    add(
      "undeclared fields",
      `data has fields the spec does not declare: ${[...extra].join(", ")} (allowed: response schemas accept extra fields)`,
    );
  }
  return notes;
}
