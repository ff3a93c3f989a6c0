/** Media type ranges, as OpenAPI content maps use them (`*\/*`, `text/*`, `application/json`). */

/** True when media type `outer` (`*\/*`, `image/*`, or exact) covers media type `inner`. */
export function mediaCovers(outer: string, inner: string): boolean {
  const [o, i] = [outer.split(";")[0]?.trim().toLowerCase() ?? "", inner.split(";")[0]?.trim().toLowerCase() ?? ""];
  if (o === i || o === "*/*") return true;
  return o.endsWith("/*") && i.startsWith(o.slice(0, -1));
}
