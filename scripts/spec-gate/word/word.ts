/**
 * The gate's wording stage: one plain sentence per verdict, split into its subject ("response
 * field SessionData.title"), what happened to it ("removed") and where (the operation, the
 * status, the field's path there), so that one change in several places is said once. Names
 * are those of the old spec: its paths, operationIds, field paths and component schemas.
 */

import { asObj } from "../json.ts";
import type { BodyRef, OpRef, Verdict } from "../model.ts";
import { componentOf, type Originals, pathIn, variantNames } from "../normalize/originals.ts";
import type { VariantNames } from "../schema/variants.ts";
import { shown } from "./kinds.ts";
import { fieldName, operationName } from "./names.ts";
import { partText } from "./parts.ts";
import { defaultText, reasonText } from "./reasons.ts";
import { valuesText } from "./values.ts";
import { unionText } from "./variants.ts";

/** Where a change is: an operation, the part of it (a status, the request body), a field path. */
export type Where = { op: string; part: string; at: string };

/**
 * Where a change is, for machines (the JSON report): the operation as the old spec names it,
 * the part of it (`request body`, `200`, `query parameter limit`), the field's path in the body.
 */
export type Place = { operation?: string; part?: string; field?: string };

/**
 * A verdict in words. `subject` and `joiner` are empty for a sentence that stands alone;
 * `field` names the field a subject is about, so lines about several fields can be merged;
 * `where` is the place as the sentence shows it, `place` as the JSON report gives it.
 */
export type Worded = {
  kind: string;
  subject: string;
  joiner: string;
  verb: string;
  where?: Where;
  field?: FieldName;
  place: Place;
};

function partName(body: BodyRef | undefined): string {
  if (!body) return "";
  const mediaType = body.baseMediaType ?? body.headMediaType;
  const media = mediaType && mediaType !== "application/json" ? ` (${mediaType})` : "";
  return `${body.where === "request" ? "request body" : body.where}${media}`;
}

function variantNote(path: string[]): string {
  const last = path
    .map((s, i) => (s === "anyOf" || s === "oneOf" ? Number(path[i + 1]) + 1 : 0))
    .filter(Boolean)
    .at(-1);
  return last ? ` (variant ${last})` : "";
}

/** A field as words name it: its side, the component it is in (if any), its path there. */
export type FieldName = { side: string; owner?: string; name: string };

/** `request field title`, or `response field SessionData.title` and where it is in this body. */
function fieldSubject(
  v: Verdict,
  originals: Originals,
): { field?: FieldName; subject: string; at: string; full: string } {
  const [op, body] = [v.op as OpRef, v.body as BodyRef];
  const added = v.code === "field-added";
  const side = body.where === "request" ? "request" : "response";
  const node = pathIn(added ? "head" : "base", op, body, (added ? v.headAt : v.at) ?? [], originals);
  const path = v.code.startsWith("field") ? [...node, "properties", String(v.name)] : node;
  const full = fieldName(path);
  if (!full) return { subject: `${side} body`, at: "", full };
  const doc = added ? originals.head : originals.base;
  const mediaType = (added ? body.headMediaType : body.baseMediaType) ?? "";
  const component = componentOf(doc, { op, where: body.where, mediaType, path });
  const inside = component && fieldName(component.rest);
  const field =
    component && inside ? { side, owner: component.name, name: inside } : { side, name: `${full}${variantNote(path)}` };
  const at = component && inside && inside !== full ? ` at ${full}` : "";
  return { field, subject: `${side} field ${field.owner ? `${field.owner}.` : ""}${field.name}`, at, full };
}

const bodyWords: Record<string, (v: Verdict & { variants?: VariantNames }, response: boolean) => string> = {
  "field-removed": (v) => `removed${v.before ? " (it was required)" : ""}`,
  "field-forbidden": () => "no longer sent (now forbidden)",
  "field-added": (v, response) => `added${v.after ? (response ? " (always present)" : ", required") : ""}`,
  "field-required": (_, response) => (response ? "now always present (required)" : "now required"),
  "field-optional": (_, response) => (response ? "may now be missing (no longer required)" : "now optional"),
  values: (v, response) => `${valuesText(v.before, v.after, v.variants)}${reasonText(v, !response)}`,
  default: (v, response) =>
    `${defaultText(asObj(v.before).default, asObj(v.after).default)}${reasonText(v, !response)}`,
  "envelope-dropped": (v) => `no longer wrapped in {${v.name}: ...} (the payload is now the whole body)`,
  "envelope-added": (v) => `now wrapped in {${v.name}: ...} (the payload moved into ${v.name})`,
};

function wordBody(v: Verdict, originals: Originals): Worded {
  const response = v.body?.where !== "request";
  const inSchema = v.code.startsWith("field") || v.code === "values" || v.code === "default";
  const { subject, at, field, full } = inSchema
    ? fieldSubject(v, originals)
    : { subject: `${response ? "response" : "request"} body`, at: "", field: undefined, full: "" };
  const variants = unionNames(v, originals);
  // A union that only gained or lost a kind of value reads as a sentence: "data[] may now also be null".
  const union = v.code === "values" ? unionText(v.before, v.after, variants) : undefined;
  const said = union && `${union}${reasonText(v, !response)}`;
  const verb = said ?? bodyWords[v.code]?.({ ...v, variants }, response) ?? v.code;
  const joiner = !union && (v.code === "values" || v.code === "default") ? ": " : " ";
  const where = { op: operationName(v.op as OpRef, originals), part: partName(v.body), at };
  const place = { operation: where.op, part: where.part, ...(full ? { field: full } : {}) };
  return { kind: v.code, subject, joiner, verb, where, field, place };
}

/** The component names of the variants of the node a verdict is about, if it is a union. */
function unionNames(v: Verdict, originals: Originals): VariantNames | undefined {
  const [op, body] = [v.op as OpRef, v.body as BodyRef];
  if (v.code !== "values" || !body) return undefined;
  const key = ["anyOf", "oneOf"].find((k) => Array.isArray(asObj(v.before)[k]) || Array.isArray(asObj(v.after)[k]));
  if (!key) return undefined;
  const target = (side: "base" | "head", path: string[] | undefined, mediaType: string | undefined) => ({
    op,
    where: body.where,
    mediaType: mediaType ?? "",
    path: pathIn(side, op, body, path ?? [], originals),
  });
  return {
    before: variantNames(originals.base, target("base", v.at, body.baseMediaType), key),
    after: variantNames(originals.head, target("head", v.headAt, body.headMediaType), key),
  };
}

/** The part of an operation a verdict is about, for the JSON report. */
function placePart(v: Verdict): string {
  if (v.code.startsWith("parameter")) {
    const [location, ...rest] = String(v.name).split(" ");
    return `${location} parameter ${rest.join(" ")}`;
  }
  if (v.code.startsWith("header")) return `${partName(v.body)} header ${v.name}`;
  return v.body ? partName(v.body) : "responses";
}

/** Puts one verdict into words. */
export function word(v: Verdict, originals: Originals): Worded {
  const name = v.op ? operationName(v.op, originals) : "";
  const place: Place = name ? { operation: name } : {};
  const alone = (verb: string): Worded => ({ kind: v.code, subject: "", joiner: "", verb, place });
  if (v.code === "operation-removed") return alone(`removed operation ${name}`);
  if (v.code === "operation-added") return alone(`added operation ${name}`);
  if (v.code === "operation-id") return alone(`operationId of ${name} changed to ${shown(v.after)}`);
  if (v.code === "deprecated") return alone(`${name} is deprecated`);
  if (v.code === "other") return alone(`${name ? `${name}: ` : ""}${v.note ?? ""}`);
  const part = partText(v);
  if (part !== undefined) {
    const where = { op: name, part: "", at: "" };
    return { kind: v.code, subject: "", joiner: "", verb: part, where, place: { ...place, part: placePart(v) } };
  }
  return wordBody(v, originals);
}
