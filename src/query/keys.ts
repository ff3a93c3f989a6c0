import type { SessionData } from "mix-sdk";
import type { SessionQueryKey } from "./types.js";

const all = ["mix", "sessions"] as const;

/** The key of the sessions list, as a tuple. */
export type SessionListKey = readonly ["mix", "sessions", "list"];
/** The key of one session, as a tuple. */
export type SessionDetailKey = readonly ["mix", "sessions", "detail", string];
/** The operations `sessionQueries` has mutation options for. */
export type SessionMutationName = "create" | "fork" | "delete" | "cancelProcessing";

/**
 * The query keys of `mix-sdk/query`, hierarchical under `["mix", "sessions"]`, for your own
 * `invalidateQueries`, `setQueryData` or `prefetchQuery`. The list and detail keys carry their
 * data's type: `queryClient.getQueryData(sessionKeys.list())` is `SessionData[] | undefined`.
 *
 * ```ts
 * queryClient.invalidateQueries({ queryKey: sessionKeys.all });        // everything
 * queryClient.invalidateQueries({ queryKey: sessionKeys.details() });  // every session fetched by id
 * ```
 *
 * The keys do not name a server: give each `Mix` client that talks to another server a
 * `QueryClient` of its own.
 */
export const sessionKeys = {
  /** Every query and mutation of `mix-sdk/query`: `["mix", "sessions"]`. */
  all,
  /** The list: `["mix", "sessions", "list"]`. */
  list: () => [...all, "list"] as unknown as SessionQueryKey<SessionListKey, SessionData[]>,
  /** Every session fetched by id: `["mix", "sessions", "detail"]`. */
  details: () => [...all, "detail"] as const,
  /** One session: `["mix", "sessions", "detail", id]`. */
  detail: (id: string) => [...all, "detail", id] as unknown as SessionQueryKey<SessionDetailKey, SessionData>,
  /** A mutation's key: `["mix", "sessions", name]`, for example `["mix", "sessions", "create"]`. */
  mutation: <Name extends SessionMutationName>(name: Name) => [...all, name] as const,
};
