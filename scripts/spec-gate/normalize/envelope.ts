/**
 * Finds bodies that lost (or gained) an envelope: `{data: Session}` became `Session`, or the
 * other way round. Compared field by field such a change is a pile of removed and added
 * fields; it is one change to a client. So before `redocly diff` runs, the enveloped side is
 * replaced by its payload (redocly then compares payload with payload), and the envelope
 * change is reported once, by the judge, as itself.
 */
import { clone, isObj, type Obj } from "../json.ts";
import type { EnvelopeChange } from "../model.ts";
import { propertyNames, typesOf } from "../schema/facts.ts";
import { httpMethods } from "../schema/walk.ts";

function jaccard(a: string[], b: string[]): number {
  const union = new Set([...a, ...b]);
  return union.size === 0 ? 1 : a.filter((x) => b.includes(x)).length / union.size;
}

/** How well `payload` (a field of the envelope) matches `body` (the other side's whole body). */
function likeness(payload: unknown, body: unknown): number {
  if (!isObj(payload) || !isObj(body)) return 0;
  if (payload.type === undefined) return 0.5;
  if (typesOf(payload).join() !== typesOf(body).join()) return 0;
  if (typesOf(body).includes("array")) return Math.max(likeness(payload.items, body.items), 0.5);
  if (!typesOf(body).includes("object")) return 1;
  return jaccard(propertyNames(payload), propertyNames(body));
}

/** The property of `enveloped` that holds what `bare` is, if `bare` is that payload alone. */
export function envelopeKey(enveloped: unknown, bare: unknown): string | undefined {
  const names = propertyNames(enveloped);
  if (names.length === 0 || !isObj(bare)) return undefined;
  if (propertyNames(bare).some((name) => names.includes(name))) return undefined;
  const properties = (enveloped as Obj).properties as Obj;
  const scored = names.map((name) => ({ name, score: likeness(properties[name], bare) }));
  const best = scored.sort((x, y) => y.score - x.score)[0];
  // Half the fields in common (or an untyped payload): enough to call it the same payload.
  return best && best.score >= 0.5 ? best.name : undefined;
}

/** Every (where, media type, base holder, head holder) pair of bodies of one operation. */
function bodyPairs(base: Obj, head: Obj): { where: string; mediaType: string; a: Obj; b: Obj }[] {
  const pairs: { where: string; mediaType: string; a: Obj; b: Obj }[] = [];
  const add = (where: string, x: unknown, y: unknown) => {
    const cx = isObj(x) && isObj(x.content) ? x.content : {};
    const cy = isObj(y) && isObj(y.content) ? y.content : {};
    for (const [mediaType, a] of Object.entries(cx)) {
      const b = cy[mediaType];
      if (isObj(a) && isObj(b)) pairs.push({ where, mediaType, a, b });
    }
  };
  add("request", base.requestBody, head.requestBody);
  const responses = isObj(base.responses) ? base.responses : {};
  for (const [status, response] of Object.entries(responses)) add(status, response, asObjOf(head.responses)[status]);
  return pairs;
}

const asObjOf = (value: unknown): Obj => (isObj(value) ? value : {});

/**
 * Returns copies of the two (normalized) documents in which each body that lost or gained an
 * envelope is replaced, on the enveloped side, by the envelope's payload; and the list of those
 * envelope changes.
 */
export function alignEnvelopes(base: Obj, head: Obj): { base: Obj; head: Obj; changes: EnvelopeChange[] } {
  const out = { base: clone(base), head: clone(head), changes: [] as EnvelopeChange[] };
  for (const [path, item] of Object.entries(asObjOf(out.base.paths))) {
    const other = asObjOf(asObjOf(out.head.paths)[path]);
    for (const method of httpMethods) {
      if (!isObj(asObjOf(item)[method]) || !isObj(other[method])) continue;
      for (const { where, mediaType, a, b } of bodyPairs(asObjOf(item)[method] as Obj, other[method] as Obj)) {
        const dropped = envelopeKey(a.schema, b.schema);
        const added = dropped ? undefined : envelopeKey(b.schema, a.schema);
        const key = dropped ?? added;
        if (!key) continue;
        const holder = dropped ? a : b;
        holder.schema = ((holder.schema as Obj).properties as Obj)[key];
        out.changes.push({ method, path, where, mediaType, key, change: dropped ? "dropped" : "added" });
      }
    }
  }
  return out;
}
