/**
 * Where a JSON pointer of a normalized document lands: which operation, which part of it
 * (parameters, request body, a response), which media type, and the path inside the body's
 * schema. Also which media type of the other document a body is compared with.
 */
import { at, isObj } from "../json.ts";
import { mediaCovers } from "../media-types.ts";
import type { OpRef } from "../model.ts";
import { httpMethods } from "../schema/walk.ts";

/** A pointer read as a place in an OpenAPI document. */
export type Place = {
  /** The path key, when the pointer is under `paths`. */
  path?: string;
  /** The lower-case method, when the pointer is inside an operation. */
  method?: string;
  /** The operation's part: `parameters`, `requestBody`, `responses`, or another property. */
  area?: string;
  status?: string;
  mediaType?: string;
  header?: string;
  /** Segments inside the body's schema, when the pointer is in one ([] is the schema itself). */
  schema?: string[];
  /** Segments after the operation (or path item). */
  rest: string[];
};

function readBody(place: Place, rest: string[]): void {
  if (rest[0] !== "content" || rest[1] === undefined) return;
  place.mediaType = rest[1];
  if (rest[2] === "schema") place.schema = rest.slice(3);
}

/** Reads the segments of a pointer into a document as a place. */
export function placeOf(segments: string[]): Place {
  if (segments[0] !== "paths" || segments[1] === undefined) return { rest: segments };
  const method = httpMethods.includes(segments[2] ?? "") ? segments[2] : undefined;
  const rest = segments.slice(method ? 3 : 2);
  const place: Place = { path: segments[1], method, area: rest[0], rest };
  if (!method) return place;
  if (rest[0] === "requestBody") readBody(place, rest.slice(1));
  if (rest[0] === "responses" && rest[1] !== undefined) {
    place.status = rest[1];
    if (rest[2] === "headers") place.header = rest[3];
    else readBody(place, rest.slice(2));
  }
  return place;
}

/** True when the document has this operation. */
export function hasOperation(doc: unknown, op: OpRef): boolean {
  return isObj(at(doc, ["paths", op.path, op.method]));
}

/** The media types of a body (`request`, or a response status) of an operation. */
export function mediaTypesOf(doc: unknown, op: OpRef, where: string): string[] {
  const holder = where === "request" ? ["requestBody"] : ["responses", where];
  const content = at(doc, ["paths", op.path, op.method, ...holder, "content"]);
  return isObj(content) ? Object.keys(content) : [];
}

/** The media type among `candidates` that a body of type `mediaType` is compared with. */
export function pairMediaType(mediaType: string, candidates: string[]): string | undefined {
  return (
    candidates.find((c) => c === mediaType) ??
    candidates.find((c) => mediaCovers(c, mediaType)) ??
    candidates.find((c) => mediaCovers(mediaType, c))
  );
}

/** The schema of a body (request or a response status, in one media type) of an operation. */
export function bodySchema(doc: unknown, op: OpRef, where: string, mediaType: string | undefined): unknown {
  if (mediaType === undefined) return undefined;
  const holder = where === "request" ? ["requestBody"] : ["responses", where];
  return at(doc, ["paths", op.path, op.method, ...holder, "content", mediaType, "schema"]);
}
