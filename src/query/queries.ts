import type { QueryKey } from "@tanstack/query-core";
import type { RequestOptions } from "mix-sdk";
import type { SessionQueryKey, SessionQueryOptions } from "./types.js";

/** Query options around one SDK call: the key, the call with TanStack's `signal`, TanStack's retries off. */
export function sessionQuery<TData, TKey extends QueryKey>(
  queryKey: SessionQueryKey<TKey, TData>,
  call: (options: RequestOptions) => Promise<TData>,
): SessionQueryOptions<TData, TKey> {
  return { queryKey, queryFn: ({ signal }) => call({ signal }), retry: false };
}
