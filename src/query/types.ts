import type {
  DataTag,
  MutationFunctionContext,
  MutationKey,
  MutationOptions,
  QueryFunctionContext,
  QueryKey,
} from "@tanstack/query-core";
import type { HTTPClientError, MixError } from "mix-sdk";

/**
 * What a query or mutation of `mix-sdk/query` fails with: the SDK's own errors. A `MixError`
 * (`RESTResponseError`, `MixDefaultError`, `ResponseValidationError`) when the server answered,
 * an `HTTPClientError` (`ConnectionError`, `RequestTimeoutError`, `RequestAbortedError`,
 * `InvalidRequestError`) when no usable answer came. Narrow it with `instanceof`.
 */
export type MixQueryError = MixError | HTTPClientError;

/** A query key that carries the type of its data and error, so `queryClient.getQueryData(key)` is typed. */
export type SessionQueryKey<TKey extends QueryKey, TData> = DataTag<TKey, TData, MixQueryError>;

/**
 * Options for `useQuery`, `useSuspenseQuery`, `queryClient.fetchQuery` and the like, in any
 * TanStack Query 5 adapter: a key, a query function that hands TanStack's `signal` to the SDK,
 * and `retry: false`, since the SDK retries by its own policy. Spread it to add your own
 * options: `useQuery({ ...q.list(), staleTime: 30_000 })`.
 */
export type SessionQueryOptions<TData, TKey extends QueryKey> = {
  /** Hierarchical, under `["mix", "sessions"]`: see `sessionKeys`. */
  queryKey: SessionQueryKey<TKey, TData>;
  /** Calls the SDK with the query's `signal`: an unmount or `cancelQueries` aborts the request and any retry wait. */
  queryFn: (context: QueryFunctionContext<TKey>) => Promise<TData>;
  /** TanStack's retries stay off: a failure costs exactly the SDK's attempts. @default false */
  retry: false;
  /**
   * Not set (TanStack's default applies); declared so that every adapter's `useQuery` infers
   * the error type, `MixQueryError`, from these options.
   */
  throwOnError?: boolean | ((error: MixQueryError) => boolean);
};

/**
 * Options for `useMutation` (or `queryClient.getMutationCache().build`) in any TanStack Query 5
 * adapter. The cache work runs inside `mutationFn`, through the `QueryClient` TanStack passes
 * it, so your own `onSuccess`, `onError` and `onSettled` add to it and never replace it.
 */
export type SessionMutationOptions<TData, TVariables> = MutationOptions<TData, MixQueryError, TVariables, unknown> & {
  /** Under `["mix", "sessions"]`, for `useIsMutating` and `setMutationDefaults`: see `sessionKeys.mutation`. */
  mutationKey: MutationKey;
  /** Calls the SDK, then sets the cache right with `context.client` before the mutation succeeds. */
  mutationFn: (variables: TVariables, context: MutationFunctionContext) => Promise<TData>;
  /** TanStack's retries stay off: the SDK retries create and fork only when the server provably did not act. @default false */
  retry: false;
};
