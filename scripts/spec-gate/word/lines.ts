/**
 * Says each change once. The same words in several places become one line naming them all
 * ("..., in GET /a (listA) 400, 404; POST /b (makeB) 400"), and fields that changed the same way
 * in the same places share a line ("response fields data and message of RESTResponse removed").
 */
import type { FieldName, Place, Where, Worded } from "./word.ts";

/** One line of the gate's report: a change and every place it happens. */
export type SpecChange = {
  /** True when a client built on the old spec can break. */
  breaking: boolean;
  /** The kind of change, as the judge named it: `field-removed`, `parameter-default`, ... */
  kind: string;
  /** For example "removed operation DELETE /api/sessions/{id} (deleteSession)". */
  text: string;
  /** Every place the change happens, named as the old spec names them. */
  where: Place[];
};

type Group = {
  breaking: boolean;
  kind: string;
  places: Place[];
  subjects: string[];
  fields: FieldName[];
  joiner: string;
  verb: string;
  wheres: Where[];
};

/** "GET /a (listA) 400, 404 at data.x; POST /b (makeB) 201": statuses of one operation together. */
function placesText(wheres: Where[], withPaths: boolean): string {
  const byPlace = new Map<string, string[]>();
  for (const where of wheres) {
    const key = `${where.op}\n${withPaths ? where.at : ""}`;
    const parts = byPlace.get(key) ?? [];
    if (where.part && !parts.includes(where.part)) parts.push(where.part);
    byPlace.set(key, parts);
  }
  return [...byPlace]
    .map(([key, parts]) => {
      const [op, at] = key.split("\n");
      return `${op}${parts.length ? ` ${parts.join(", ")}` : ""}${at}`;
    })
    .join("; ");
}

function listText(items: string[]): string {
  return items.length === 1 ? (items[0] as string) : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * "response fields data and message of RESTResponse", "response field event of SSEA and SSEB",
 * "request fields title and mode".
 */
function fieldsText(fields: FieldName[]): string {
  const side = fields[0]?.side;
  const names = [...new Set(fields.map((f) => f.name))];
  const owners = [...new Set(fields.map((f) => f.owner))];
  const namesOf = (owner: string | undefined) => [
    ...new Set(fields.filter((f) => f.owner === owner).map((f) => f.name)),
  ];
  const ownersOf = (name: string) => fields.filter((f) => f.name === name).map((f) => f.owner ?? "the body");
  if (names.length === 1) return `${side} field ${names[0]} of ${listText(ownersOf(names[0] as string))}`;
  // Each name in one owner: group by owner. A name in several owners: say where for each name.
  if (names.length === fields.length) {
    const parts = owners.map((owner) => `${listText(namesOf(owner))}${owner ? ` of ${owner}` : ""}`);
    return `${side} fields ${parts.join("; ")}`;
  }
  return `${side} fields ${listText(names.map((name) => `${name} (${ownersOf(name).join(", ")})`))}`;
}

function mergeFields(groups: Group[]): Group[] {
  const merged = new Map<string, Group>();
  for (const group of groups) {
    const side = group.fields.length === 1 ? group.fields[0]?.side : undefined;
    const places = placesText(group.wheres, false);
    const key = side
      ? [group.breaking, group.kind, side, group.joiner, group.verb, places].join("\n")
      : `#${merged.size}`;
    const into = merged.get(key);
    if (into) {
      into.fields.push(...group.fields);
      addPlaces(into.places, group.places);
    } else merged.set(key, { ...group, fields: [...group.fields], places: [...group.places] });
  }
  return [...merged.values()];
}

function addPlaces(into: Place[], places: Place[]): void {
  const seen = new Set(into.map((p) => JSON.stringify(p)));
  for (const place of places) if (!seen.has(JSON.stringify(place))) into.push(place);
}

/** Groups worded verdicts into report lines, breaking ones first. */
export function groupLines(worded: (Worded & { breaking: boolean })[]): SpecChange[] {
  const groups = new Map<string, Group>();
  for (const { breaking, kind, subject, joiner, verb, where, field, place } of worded) {
    const key = [breaking, kind, subject, joiner, verb].join("\n");
    const group: Group = groups.get(key) ?? {
      breaking,
      kind,
      places: [],
      subjects: [subject],
      fields: field ? [field] : [],
      joiner,
      verb,
      wheres: [],
    };
    if (where && !group.wheres.some((w) => w.op === where.op && w.part === where.part && w.at === where.at)) {
      group.wheres.push(where);
    }
    addPlaces(group.places, [place]);
    groups.set(key, group);
  }
  const lines = mergeFields([...groups.values()]).map((g) => {
    const subject = g.fields.length > 1 ? fieldsText(g.fields) : g.subjects[0];
    const verb = g.fields.length > 1 ? g.verb.replace("(it was required)", "(they were required)") : g.verb;
    const what = subject ? `${subject}${g.joiner}${verb}` : verb;
    const places = placesText(g.wheres, g.fields.length <= 1);
    return { breaking: g.breaking, kind: g.kind, text: places ? `${what}, in ${places}` : what, where: g.places };
  });
  return [...lines.filter((l) => l.breaking), ...lines.filter((l) => !l.breaking)];
}
