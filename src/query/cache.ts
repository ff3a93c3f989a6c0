import type { QueryClient } from "@tanstack/query-core";
import type { SessionData } from "mix-sdk";
import { sessionKeys } from "./keys.js";

/** A cached list with `session` first (the list is newest first), and only once. */
function withSession(list: SessionData[] | undefined, session: SessionData): SessionData[] | undefined {
  return list && [session, ...list.filter((s) => s.id !== session.id)];
}

/** A cached list without the session `id`. */
function withoutSession(list: SessionData[] | undefined, id: string): SessionData[] | undefined {
  return list?.filter((s) => s.id !== id);
}

/**
 * Applies `patch` to the cached list, with no request. A list fetch already in flight may
 * carry an answer from before the change: it is cancelled before the patch and fetched again
 * after it (refetched if something shows the list, marked stale otherwise).
 */
async function patchList(client: QueryClient, patch: (list: SessionData[] | undefined) => SessionData[] | undefined) {
  const filters = { queryKey: sessionKeys.list(), exact: true };
  const inFlight = client.isFetching(filters) > 0;
  if (inFlight) await client.cancelQueries(filters);
  client.setQueryData(sessionKeys.list(), patch);
  if (inFlight) await client.invalidateQueries(filters);
}

/** After a create or a fork: the new session is first in the list and cached under its own key. */
export async function sessionAdded(client: QueryClient, session: SessionData): Promise<void> {
  client.setQueryData(sessionKeys.detail(session.id), session);
  await patchList(client, (list) => withSession(list, session));
}

/**
 * After a delete: the session leaves the list, and its own query is reset (no data): a
 * component still showing it fetches again and gets the API's 404.
 */
export async function sessionDeleted(client: QueryClient, id: string): Promise<void> {
  await patchList(client, (list) => withoutSession(list, id));
  await client.resetQueries({ queryKey: sessionKeys.detail(id), exact: true });
}

/** After a cancel: the answer holds no session, so the session and the list are fetched again. */
export async function sessionChanged(client: QueryClient, id: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: sessionKeys.detail(id), exact: true }),
    client.invalidateQueries({ queryKey: sessionKeys.list(), exact: true }),
  ]);
}
