import type { QueryClient } from "@tanstack/query-core";
import type { RequestOptions, SessionsMethods } from "mix-sdk";
import { type SessionMutationName, sessionKeys } from "./keys.js";
import type { SessionMutationOptions } from "./types.js";

type Methods = SessionsMethods<RequestOptions>;
/** What `create` takes: a title and a working directory, both optional, or nothing at all. */
// biome-ignore lint/suspicious/noConfusingVoidType: with void, `mutate()` may leave the argument out, as TanStack's own `TVariables = void` does.
export type CreateSessionVariables = NonNullable<Parameters<Methods["create"]>[0]> | void;
/** What `fork` takes: the source session's `id`, `messageIndex` (1-based) and an optional `title`. */
export type ForkSessionVariables = Parameters<Methods["fork"]>[0];
/** What `delete` and `cancelProcessing` take: the session's `id`. */
export type SessionIdVariables = Parameters<Methods["delete"]>[0];

/**
 * Mutation options around one SDK call: the call, then `settle` sets the cache right with
 * the `QueryClient` TanStack hands the mutation function, before the mutation succeeds.
 */
export function sessionMutation<TData, TVariables>(
  name: SessionMutationName,
  call: (variables: TVariables) => Promise<TData>,
  settle: (client: QueryClient, data: TData, variables: TVariables) => Promise<void>,
): SessionMutationOptions<TData, TVariables> {
  return {
    mutationKey: sessionKeys.mutation(name),
    mutationFn: async (variables, { client }) => {
      const data = await call(variables);
      await settle(client, data, variables);
      return data;
    },
    retry: false,
  };
}
