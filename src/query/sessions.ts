import { type CancelProcessingResult, InvalidRequestError, type Mix, type SessionData } from "mix-sdk";
import { sessionAdded, sessionChanged, sessionDeleted } from "./cache.js";
import { type SessionDetailKey, type SessionListKey, sessionKeys } from "./keys.js";
import {
  type CreateSessionVariables,
  type ForkSessionVariables,
  type SessionIdVariables,
  sessionMutation,
} from "./mutations.js";
import { sessionQuery } from "./queries.js";
import type { SessionMutationOptions, SessionQueryOptions } from "./types.js";

/** The option factories `sessionQueries(mix)` returns; each call gives a new plain object. */
export type SessionQueries = {
  /** The sessions, newest first: `useQuery(q.list())`. Key `sessionKeys.list()`. */
  list(): SessionQueryOptions<SessionData[], SessionListKey>;
  /** One session: `useQuery(q.get({ id }))`. Key `sessionKeys.detail(id)`. */
  get(params: { id: string }): SessionQueryOptions<SessionData, SessionDetailKey>;
  /** `useMutation(q.create())`, then `mutate({ title })` or `mutate()`. The new session goes first in the cached list and is cached by id. */
  create(): SessionMutationOptions<SessionData, CreateSessionVariables>;
  /** `useMutation(q.fork())`, then `mutate({ id, messageIndex })`. The fork goes first in the cached list and is cached by id. */
  fork(): SessionMutationOptions<SessionData, ForkSessionVariables>;
  /** `useMutation(q.delete())`, then `mutate({ id })`. The session leaves the cached list and its own query is reset. */
  delete(): SessionMutationOptions<void, SessionIdVariables>;
  /** `useMutation(q.cancelProcessing())`, then `mutate({ id })`. The session and the list are invalidated (refetched where shown). */
  cancelProcessing(): SessionMutationOptions<CancelProcessingResult, SessionIdVariables>;
};

/**
 * TanStack Query options for the six session operations, for any TanStack Query 5 adapter
 * (React, Vue, Solid, Svelte, Angular) from `@tanstack/query-core` 5.89 on.
 *
 * ```ts
 * const q = sessionQueries(mix);
 * const { data, error } = useQuery(q.list());   // error: MixError | HTTPClientError | null
 * const create = useMutation(q.create());       // on success the list above shows the new session
 * ```
 *
 * Every option object turns TanStack's `retry` off (the SDK retries by its own policy, so a
 * failure costs exactly the SDK's attempts), passes the query's `signal` to the SDK (an
 * unmount or a cancelled query aborts the request, also during a retry wait), and types errors
 * as the SDK's classes. After a mutation succeeds the cache is right without code of yours.
 */
export function sessionQueries(mix: Mix): SessionQueries {
  const sessions = (mix as Partial<Mix> | undefined)?.sessions;
  if (typeof sessions?.list !== "function") throw new InvalidRequestError("mix", "must be a Mix client (new Mix(...))");
  return {
    list: () => sessionQuery<SessionData[], SessionListKey>(sessionKeys.list(), (o) => sessions.list(o)),
    // The params go to the SDK as given, so a bad id is its InvalidRequestError, in the query's error.
    get: (params) =>
      sessionQuery<SessionData, SessionDetailKey>(sessionKeys.detail(params?.id), (o) => sessions.get(params, o)),
    create: () =>
      sessionMutation("create", (v: CreateSessionVariables) => sessions.create(v ?? undefined), sessionAdded),
    fork: () => sessionMutation("fork", (v: ForkSessionVariables) => sessions.fork(v), sessionAdded),
    delete: () =>
      sessionMutation(
        "delete",
        (v: SessionIdVariables) => sessions.delete(v),
        (client, _, v) => sessionDeleted(client, v.id),
      ),
    cancelProcessing: () =>
      sessionMutation(
        "cancelProcessing",
        (v: SessionIdVariables) => sessions.cancelProcessing(v),
        (client, _, v) => sessionChanged(client, v.id),
      ),
  };
}
