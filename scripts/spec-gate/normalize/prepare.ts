/**
 * The stage before redocly: both documents normalized (normalize.ts), a path whose template
 * variables were renamed put back under its old name (path-names.ts), envelopes dropped or added
 * set aside (envelope.ts), and a schema wrapped in a union on one side only written as a union
 * of one variant on the other (unions.ts). What was set aside is kept, to be judged and named.
 */
import type { Obj } from "../json.ts";
import type { EnvelopeChange, PathRename } from "../model.ts";
import { alignEnvelopes } from "./envelope.ts";
import { normalizeSpec } from "./normalize.ts";
import type { Originals } from "./originals.ts";
import { alignPathNames, withOldPathNames } from "./path-names.ts";
import { alignUnions } from "./unions.ts";

/** Two documents ready to be compared, the originals that name their parts, and what was set aside. */
export type Prepared = {
  docs: { base: Obj; head: Obj; originals: Originals };
  envelopes: EnvelopeChange[];
  renames: PathRename[];
};

/** Prepares two parsed OpenAPI 3.x documents for redocly (throws for anything else). */
export function prepare(base: Obj, head: Obj): Prepared {
  const named = alignPathNames(normalizeSpec(base), normalizeSpec(head));
  const aligned = alignEnvelopes(named.base, named.head);
  const unions = alignUnions(aligned.base, aligned.head);
  const originals = {
    base,
    head: withOldPathNames(head, named.renames),
    envelopes: aligned.changes,
    unions: unions.wraps,
  };
  return {
    docs: { base: unions.base, head: unions.head, originals },
    envelopes: aligned.changes,
    renames: named.renames,
  };
}
