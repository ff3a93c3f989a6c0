import { pathPatterns, sessionOperations } from "../../generated/operations.js";
import type { SessionsModel } from "./model.js";
import { type MockResponse, plainText } from "./response.js";

/** A method of `mix.sessions`, and so an operation the mock answers. */
export type OperationName = keyof typeof sessionOperations;

/** What a resolver needs from the request: the path's id (decoded) and the body as text. */
export type RouteInput = { id: string; body: string };

/** One route: the spec's method and path template, and the model call that answers it. */
export type Route = {
  operation: OperationName;
  method: string;
  /** The spec's template, for example `/api/sessions/{id}/fork`. */
  path: string;
  resolve: (model: SessionsModel, input: RouteInput) => MockResponse;
};

const resolvers: { [name in OperationName]: Route["resolve"] } = {
  list: (model) => model.list(),
  create: (model, { body }) => model.create(body),
  get: (model, { id }) => model.get(id),
  delete: (model, { id }) => model.delete(id),
  fork: (model, { id, body }) => model.fork(id, body),
  cancelProcessing: (model, { id }) => model.cancelProcessing(id),
};

/** The six routes, from the spec's table (generated/operations.ts). */
export const routes: readonly Route[] = (Object.keys(resolvers) as OperationName[]).map((operation) => ({
  operation,
  method: sessionOperations[operation].method,
  path: sessionOperations[operation].path,
  resolve: resolvers[operation],
}));

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Answers one request with the model, as the API's router would: the route's answer, or
 * 404 / 405 in plain text for a path or method it does not have. Neither is a quirk: the spec
 * has no such operation, so the request is what breaks it, and `npm run mock` reports it.
 */
export function answer(model: SessionsModel, method: string, pathname: string, body: string): MockResponse {
  const matches = routes.flatMap((route) => {
    const match = pathPatterns[route.operation].exec(pathname);
    return match ? [{ route, segment: match.groups?.id }] : [];
  });
  if (matches.length === 0) return plainText(404, "404 page not found\n");
  const found = matches.find(({ route }) => route.method === method.toUpperCase());
  if (!found) return plainText(405, "Method Not Allowed\n");
  const id = found.segment === undefined ? "" : decode(found.segment);
  if (id === undefined) return plainText(400, "400 bad request: malformed path\n");
  return found.route.resolve(model, { id, body });
}
