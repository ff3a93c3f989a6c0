import { pathPatterns, sessionOperations } from "../../generated/operations.js";
import type { SessionsOperations } from "./model.js";
import { failure, type MockResponse, plainText } from "./response.js";

/** A method of `mix.sessions`, and so an operation the mock answers. */
export type OperationName = keyof typeof sessionOperations;

/** What a resolver needs from the request: the path's id (decoded; none for the paths without one) and the body as text. */
export type RouteInput = { id?: string; body: string };

/** One route: the spec's operation, and the model call that answers it. */
export type Route = {
  operation: OperationName;
  method: string;
  /** The operation in the API's error messages: "Internal error during get session: ...". */
  words: string;
  resolve: (model: SessionsOperations, input: RouteInput) => MockResponse;
};

const resolvers: { [name in OperationName]: [words: string, resolve: Route["resolve"]] } = {
  list: ["list sessions", (model) => model.list()],
  create: ["create session", (model, { body }) => model.create(body)],
  get: ["get session", (model, { id }) => model.get(id as string)],
  delete: ["delete session", (model, { id }) => model.delete(id as string)],
  fork: ["fork session", (model, { id, body }) => model.fork(id as string, body)],
  cancelProcessing: ["cancel session processing", (model, { id }) => model.cancelProcessing(id as string)],
};

/** The six routes, from the spec's table (generated/operations.ts). */
export const routes: readonly Route[] = (Object.keys(resolvers) as OperationName[]).map((operation) => ({
  operation,
  method: sessionOperations[operation].method,
  words: resolvers[operation][0],
  resolve: resolvers[operation][1],
}));

/**
 * Decodes percent-escapes as the API's server does: to bytes, read as UTF-8 (a byte sequence
 * that is not UTF-8 becomes U+FFFD). Undefined when a "%" is not followed by two hex digits.
 */
export function decodePath(text: string): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) return undefined;
  const bytes = text
    .split(/(%[0-9a-fA-F]{2})/)
    .flatMap((part) =>
      part.startsWith("%") ? [Number.parseInt(part.slice(1), 16)] : [...new TextEncoder().encode(part)],
    );
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(bytes));
}

/** How a path and method route: the route and its raw id segment, or the router's 404 or 405. */
export type Routing = { route: Route; segment?: string } | { status: 404 | 405 };

/** Finds the route of a request by the spec's path patterns (pathname still percent-encoded). */
export function routeOf(method: string, pathname: string): Routing {
  const matches = routes.flatMap((route) => {
    const match = pathPatterns[route.operation].exec(pathname);
    return match ? [{ route, segment: match.groups?.id }] : [];
  });
  if (matches.length === 0) return { status: 404 };
  return matches.find(({ route }) => route.method === method.toUpperCase()) ?? { status: 405 };
}

/** The API's answer to a path that does not decode. */
export const badPath = (): MockResponse =>
  failure("bad_request", 'Invalid request path: a "%" is not followed by two hex digits');

/**
 * Answers one request with the model, as the API's router would: a path that does not decode is
 * 400 `bad_request`; a path or method the API does not have is 404 / 405 in plain text. Neither
 * of those two is a quirk: the spec has no such operation, so the request is what breaks it,
 * and `mix-mock` reports it.
 */
export function answer(model: SessionsOperations, method: string, pathname: string, body: string): MockResponse {
  if (decodePath(pathname) === undefined) return badPath();
  const routing = routeOf(method, pathname);
  if ("status" in routing)
    return routing.status === 404 ? plainText(404, "404 page not found\n") : plainText(405, "Method Not Allowed\n");
  const id = routing.segment && decodePath(routing.segment);
  return routing.route.resolve(model, { id, body });
}
