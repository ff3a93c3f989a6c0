/** Small helpers for plain JSON values (parsed YAML): the gate's stages share them. */

/** A JSON object node, loosely typed: the stages read only what they need. */
export type Obj = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object itself, or an empty object for anything else. */
export function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** A deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** JSON with object keys sorted, so equal values give equal strings whatever their key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObj(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Deep equality of two JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Splits a JSON pointer (`#/paths/~1api~1sessions/get`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#\/?/, "");
  return body === "" ? [] : body.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: string[]): string {
  return `#/${segments.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/** The value at a path of segments, or undefined. */
export function at(root: unknown, segments: string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isObj(current)) current = current[segment];
    else return undefined;
  }
  return current;
}
