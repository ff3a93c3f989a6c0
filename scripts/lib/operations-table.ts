import type { FieldFacts, OperationFacts as RuntimeFacts, SpecRetryPolicy } from "../../src/operation-facts.ts";
import { deref, listOperations, type Node, type SpecOperation } from "./spec.ts";

/** One operation as the generator sees it: the runtime table's entry, plus what shapes its types. */
export type SpecOperationFacts = RuntimeFacts & { operationId: string; successStatus: number; pathParams: string[] };

/** The SDK-facing description of the spec: defaults plus one entry per SDK method. */
export type SpecFacts = {
  serverURL: string;
  retry: SpecRetryPolicy;
  operations: Record<string, SpecOperationFacts>;
  docs: Record<string, { summary: string; description: string }>;
};

function fail(where: string, what: string): never {
  throw new Error(`spec/openapi.yaml ${where}: ${what}`);
}

function fieldFacts(where: string, schema: Node): FieldFacts {
  const type = schema.type;
  if (type !== "string" && type !== "integer" && type !== "number" && type !== "boolean") {
    fail(where, `the generator supports only scalar body fields, got ${JSON.stringify(type)}`);
  }
  const known = new Set(["type", "description", "minimum", "format", "example", "examples"]);
  const unknown = Object.keys(schema).filter((key) => !known.has(key));
  if (unknown.length) fail(where, `the client cannot check ${unknown.join(", ")}; extend the generator first`);
  return typeof schema.minimum === "number" ? { type, minimum: schema.minimum } : { type };
}

function bodyFacts(spec: Node, id: string, operation: Node): RuntimeFacts["body"] {
  if (!operation.requestBody) return undefined;
  const media = (deref(spec, operation.requestBody).content as Node)?.["application/json"] as Node | undefined;
  if (!media) fail(id, "a request body must be application/json");
  const schema = deref(spec, media.schema);
  if (schema.type !== "object" || schema.additionalProperties !== false) {
    fail(id, "a request body must be an object with additionalProperties: false (the server rejects unknown fields)");
  }
  const fields: Record<string, FieldFacts> = {};
  for (const [name, field] of Object.entries((schema.properties ?? {}) as Node)) {
    fields[name] = fieldFacts(`${id}.${name}`, deref(spec, field));
  }
  return { required: (schema.required as string[] | undefined) ?? [], fields };
}

function dataKind(spec: Node, id: string, response: Node): RuntimeFacts["data"] {
  const media = (response.content as Node | undefined)?.["application/json"] as Node | undefined;
  if (!media) return "none";
  const envelope = deref(spec, media.schema);
  const parts = [envelope, ...((envelope.allOf as unknown[]) ?? []).map((part) => deref(spec, part))];
  // The envelope declares `data` untyped; the allOf member that narrows it carries the type.
  const typed = parts
    .map((part) => (part.properties as Node | undefined)?.data)
    .filter(Boolean)
    .map((data) => deref(spec, data).type)
    .filter(Boolean);
  if (typed.length !== 1) fail(id, "a success body must be an envelope that narrows `data` once");
  const type = typed[0];
  if (type !== "array" && type !== "object") fail(id, `data must be an array or an object, got ${String(type)}`);
  return type;
}

function operationFacts(spec: Node, found: SpecOperation): SpecOperationFacts {
  const { operation, method, path } = found;
  const id = String(operation.operationId ?? fail(`${method} ${path}`, "operationId is missing"));
  if (typeof operation["x-idempotent"] !== "boolean") fail(id, "x-idempotent: true|false is required");
  const statuses = Object.keys((operation.responses ?? {}) as Node);
  const success = statuses.filter((s) => /^2\d\d$/.test(s));
  const successStatus = success.length === 1 ? String(success[0]) : fail(id, "exactly one 2xx response is supported");
  const pathParams = found.parameters.filter((p) => p.in === "path").map((p) => String(p.name));
  for (const p of found.parameters) {
    if (p.in !== "path") fail(id, `only path parameters are supported, got ${String(p.in)} ${String(p.name)}`);
    if (deref(spec, p.schema).type !== "string") fail(id, `path parameter ${String(p.name)} must be a string`);
  }
  const facts: SpecOperationFacts = {
    operationId: id,
    method,
    path,
    idempotent: operation["x-idempotent"] as boolean,
    pathParams,
    successStatus: Number(successStatus),
    errors: statuses.filter((s) => /^[45]\d\d$/.test(s)).map(Number),
    data: dataKind(spec, id, deref(spec, (operation.responses as Node)[successStatus])),
  };
  const body = bodyFacts(spec, id, operation);
  return body ? { ...facts, body } : facts;
}

/** Reads from the spec everything the runtime table is made of. */
export function specFacts(spec: Node): SpecFacts {
  const policy = spec["x-speakeasy-retries"] as Node | undefined;
  const backoff = (policy?.backoff ?? {}) as Node;
  if (policy?.strategy !== "backoff") fail("x-speakeasy-retries", "a backoff strategy is required");
  const number = (key: string) =>
    typeof backoff[key] === "number"
      ? (backoff[key] as number)
      : fail("x-speakeasy-retries", `backoff.${key} is missing`);
  const operations: SpecFacts["operations"] = {};
  const docs: SpecFacts["docs"] = {};
  for (const found of listOperations(spec)) {
    const name = found.operation["x-speakeasy-name-override"];
    if (found.operation["x-speakeasy-group"] !== "sessions" || typeof name !== "string") {
      fail(`${found.method} ${found.path}`, "x-speakeasy-group: sessions and x-speakeasy-name-override are required");
    }
    operations[name] = operationFacts(spec, found);
    docs[name] = {
      summary: String(found.operation.summary ?? ""),
      description: String(found.operation.description ?? "").trim(),
    };
  }
  const servers = (spec.servers as Node[] | undefined) ?? [];
  return {
    serverURL: String(servers[0]?.url ?? fail("servers", "one server is required")),
    retry: {
      initialInterval: number("initialInterval"),
      maxInterval: number("maxInterval"),
      exponent: number("exponent"),
      maxElapsedTime: number("maxElapsedTime"),
      retryConnectionErrors: policy.retryConnectionErrors === true,
      statusCodes: ((policy.statusCodes as unknown[]) ?? []).map(String),
    },
    operations,
    docs,
  };
}
