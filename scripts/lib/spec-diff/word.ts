/**
 * The gate's wording stage: one plain sentence per verdict, split into what changed and where
 * (so that the same change in several operations can be said once, naming them all). Names
 * are those of the old spec: its paths, operationIds, field paths and component schemas.
 */
import { asObj } from "./json.ts";
import { componentOf, fieldName, type Originals, operationName, pathIn } from "./names.ts";
import type { OpRef } from "./place.ts";
import type { BodyRef } from "./subjects.ts";
import type { Verdict } from "./verdict.ts";
import { shown, valuesText } from "./word-values.ts";

/** A verdict in words: what changed, and where (empty for a whole operation). */
export type Worded = { what: string; where: string };

function bodyName(body: BodyRef | undefined): string {
  if (!body) return "";
  const mediaType = body.baseMediaType ?? body.headMediaType;
  const media = mediaType && mediaType !== "application/json" ? ` (${mediaType})` : "";
  return `${body.where === "request" ? " request body" : ` ${body.where}`}${media}`;
}

/** `request field title`, or `response field SessionData.title` with where it is in the body. */
function fieldSubject(v: Verdict, originals: Originals, added: boolean): { subject: string; at: string } {
  const op = v.op as OpRef;
  const body = v.body as BodyRef;
  const side = body.where === "request" ? "request" : "response";
  const path = [
    ...pathIn(added ? "head" : "base", op, body, v.at ?? [], originals),
    ...(v.name !== undefined && v.code.startsWith("field") ? ["properties", v.name] : []),
  ];
  const full = fieldName(path);
  const doc = added ? originals.head : originals.base;
  const mediaType = (added ? body.headMediaType : body.baseMediaType) ?? "";
  const component = full ? componentOf(doc, op, body.where, mediaType, path) : undefined;
  const inside = component && fieldName(component.rest);
  if (component && inside) return { subject: `${side} field ${component.name}.${inside}`, at: ` at ${full}` };
  return { subject: full ? `${side} field ${full}` : `${side} body`, at: "" };
}

const fieldWords: Record<string, (v: Verdict, response: boolean) => string> = {
  "field-removed": (v) => `removed${v.before ? " (it was required)" : ""}`,
  "field-forbidden": () => "no longer sent (now forbidden)",
  "field-added": (v, response) => `added${v.after ? (response ? " (always present)" : ", required") : ""}`,
  "field-required": (_, response) => (response ? "now always present (required)" : "now required"),
  "field-optional": (_, response) => (response ? "may now be missing (no longer required)" : "now optional"),
  values: (v) => valuesText(v.before, v.after),
  default: (v) => `default ${shown(asObj(v.before).default)} -> ${shown(asObj(v.after).default)}`,
  "envelope-dropped": (v) => `no longer wrapped in {${v.name}: ...}: the payload is now the whole body`,
  "envelope-added": (v) => `now wrapped in {${v.name}: ...}: the payload moved into ${v.name}`,
};

function wordBody(v: Verdict, originals: Originals): Worded {
  const op = v.op as OpRef;
  const response = v.body?.where !== "request";
  const isField = v.code.startsWith("field") || v.code === "values" || v.code === "default";
  const { subject, at } = isField
    ? fieldSubject(v, originals, v.code === "field-added")
    : { subject: `${response ? "response" : "request"} body`, at: "" };
  const words = fieldWords[v.code]?.(v, response) ?? v.code;
  const separator = v.code === "values" || v.code === "default" ? ": " : " ";
  return { what: `${subject}${separator}${words}`, where: `${operationName(op, originals)}${bodyName(v.body)}${at}` };
}

function parameterText(v: Verdict): string {
  const [location, ...rest] = String(v.name).split(" ");
  const name = `${location} parameter ${rest.join(" ")}`;
  const texts: Record<string, string> = {
    "parameter-removed": `${name} removed`,
    "parameter-added": `${name} added${v.breaking ? ", required" : ""}`,
    "parameter-required": `${name} now required`,
    "parameter-optional": `${name} now optional`,
    "parameter-serialization": `${name} serialized differently (style, explode or content changed)`,
    "parameter-values": `${name}: ${valuesText(v.before, v.after)}`,
  };
  return texts[v.code] ?? name;
}

function partText(v: Verdict): string | undefined {
  const status = v.body?.where;
  const texts: Record<string, string> = {
    "body-removed": "request body removed: the operation no longer reads one",
    "body-added": `request body added${v.breaking ? ", required" : ", optional"}`,
    "body-required": "request body now required",
    "body-optional": "request body now optional",
    "status-replaced": `answers ${String(v.after)} instead of ${String(v.before)}`,
    "status-added": /^2/.test(String(v.name)) ? `may now answer ${v.name}` : `documents error status ${v.name}`,
    "status-removed": statusRemovedText(v),
    "content-removed": `response ${status} no longer has a body`,
    "content-added": `response ${status} now has a body`,
    "header-removed": `response ${status} header ${v.name} removed`,
    "header-added": `response ${status} header ${v.name} added`,
    "header-required": `response ${status} header ${v.name} now always sent`,
    "header-optional": `response ${status} header ${v.name} may now be missing`,
    "header-values": `response ${status} header ${v.name}: ${valuesText(v.before, v.after)}`,
    "media-values": `${status === "request" ? "request body" : `response ${status}`} as ${v.name} instead of ${String(v.before)}${v.breaking ? ", whose values do not fit" : ""}`,
    "media-added":
      status === "request" ? `request body now also accepted as ${v.name}` : `response ${status} may now be ${v.name}`,
    "media-dropped":
      status === "request" ? `request body no longer accepted as ${v.name}` : `response ${status} no longer ${v.name}`,
  };
  return v.code.startsWith("parameter") ? parameterText(v) : texts[v.code];
}

function statusRemovedText(v: Verdict): string {
  if (!/^2/.test(String(v.name))) {
    return v.breaking
      ? `error status ${v.name} no longer documented: its body may now be anything`
      : `status ${v.name} no longer documented`;
  }
  return v.breaking ? `no longer documents a success status (${v.name} removed)` : `no longer answers ${v.name}`;
}

/** Puts one verdict into words. */
export function word(v: Verdict, originals: Originals): Worded {
  const name = v.op ? operationName(v.op, originals) : "";
  if (v.code === "operation-removed") return { what: `removed operation ${name}`, where: "" };
  if (v.code === "operation-added") return { what: `added operation ${name}`, where: "" };
  if (v.code === "operation-id") return { what: `operationId of ${name} changed to ${shown(v.after)}`, where: "" };
  if (v.code === "deprecated") return { what: `${name} is deprecated`, where: "" };
  if (v.code === "other") return { what: `${name ? `${name}: ` : ""}${v.note || otherText(v.before)}`, where: "" };
  const part = partText(v);
  if (part !== undefined) return { what: part, where: name };
  return wordBody(v, originals);
}

function otherText(change: unknown): string {
  const c = asObj(change);
  const pointer = String(asObj(c.revision).pointer ?? asObj(c.base).pointer ?? c.path ?? "");
  const what = c.kind === "modified" ? `${String(c.property)} changed` : String(c.kind);
  return `${String(c.typeName)} ${what} at ${pointer.replace(/^#\//, "")}`;
}
