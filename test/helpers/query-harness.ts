import { QueryClient, type QueryClientConfig, type QueryFunctionContext, type QueryKey } from "@tanstack/query-core";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { Mix, type MixOptions } from "../../src/index.ts";
import { createMixMock, type MixMockOptions } from "../../src/mock/index.ts";

/** The server URL the tests' clients use: MSW answers for it; the discard port refuses anything that gets past MSW. */
export const serverURL = "http://127.0.0.1:9";

/**
 * The SDK's default policy (up to 3 retries, so 4 attempts) with waits of a millisecond or two.
 * (Not faults.ts's: that helper reads the spec from disk, which a DOM test environment cannot.)
 */
export const fastRetries = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 2 },
} as const satisfies MixOptions["retryConfig"];

/** A client of the mock, retrying as the SDK does by default with short waits. */
export function mockedMix(options: MixOptions = {}): Mix {
  return new Mix({ serverURL, retryConfig: fastRetries, ...options });
}

/**
 * A QueryClient whose own defaults retry 3 times without waiting: if an option object of
 * `mix-sdk/query` left TanStack's `retry` on, a failure would cost 4 times the SDK's attempts.
 * Unused queries are kept, so no garbage-collection timer runs during a test. An adapter with
 * a QueryClient class of its own (Vue's) passes it.
 */
export function retryingClient<C extends QueryClient = QueryClient>(
  Client: new (config: QueryClientConfig) => C = QueryClient as never,
): C {
  const retries = { retry: 3, retryDelay: 0 };
  return new Client({
    defaultOptions: { queries: { ...retries, gcTime: Number.POSITIVE_INFINITY }, mutations: retries },
  });
}

/**
 * The options of `createMixMock` for a mock whose every answer is the API's 500 (a documented
 * status of list): `failStatus` where the mock has it, else the status `random` picks.
 */
export const failing = { failRate: 1, failStatus: [500], random: () => 0.5 } as MixMockOptions;

/**
 * One test file's MSW server over `mix-sdk/mock`, with the requests it receives and the
 * responses its handlers give, in order ("GET /api/sessions", "200 GET /api/sessions").
 */
export function mockServer() {
  const mock = createMixMock({ baseURL: serverURL });
  const server = setupServer(...mock.handlers);
  const requests: string[] = [];
  const responses: string[] = [];
  const name = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    server.events.on("request:start", ({ request }) => void requests.push(name(request)));
    server.events.on(
      "response:mocked",
      ({ request, response }) => void responses.push(`${response.status} ${name(request)}`),
    );
  });
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
    requests.length = 0;
    responses.length = 0;
  });
  afterAll(() => server.close());
  /** Answers with another mock's handlers (for example a failing or slow one) until the test ends. */
  const use = (options: MixMockOptions) =>
    server.use(...(createMixMock({ baseURL: serverURL, ...options }).handlers as RequestHandler[]));
  return { mock, requests, responses, use };
}

/** A query function call seen by `watched`: the signal TanStack gave it and how the SDK's call ended. */
export type WatchedCall = { signal: AbortSignal; settled: Promise<unknown> };

/**
 * The same options with a query function that records each call, so a test can see the SDK's
 * side of it: the signal, and the call's outcome (its value, or the error it threw).
 */
export function watched<T extends { queryFn: (context: QueryFunctionContext<never>) => Promise<unknown> }>(
  options: T,
): { options: T; calls: WatchedCall[] } {
  const calls: WatchedCall[] = [];
  const queryFn = (context: QueryFunctionContext<QueryKey>) => {
    const call = options.queryFn(context as QueryFunctionContext<never>);
    calls.push({
      signal: context.signal,
      settled: call.then(
        (v) => v,
        (e: unknown) => e,
      ),
    });
    return call;
  };
  return { options: { ...options, queryFn }, calls };
}

/** The timers started while a `TimerWatch` runs and not yet fired or cleared, with the stack that started each. */
export type TimerWatch = {
  /** How many of them a file whose path matches `from` started (`/src\/transport\.ts/` for the SDK's). */
  pending(from: RegExp): number;
  /** Puts the global setTimeout and clearTimeout back. */
  stop(): void;
};

/**
 * Watches `setTimeout` and `clearTimeout`, so a test can tell the SDK's timers from those of
 * MSW, React or TanStack: `process.getActiveResourcesInfo()` counts all of them alike.
 */
export function watchTimers(): TimerWatch {
  const { setTimeout: set, clearTimeout: clear } = globalThis;
  const pending = new Map<unknown, string>();
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = set(
      (...a: unknown[]) => {
        pending.delete(handle);
        callback(...a);
      },
      ms,
      ...args,
    );
    pending.set(handle, new Error().stack ?? "");
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(handle);
    clear(handle);
  }) as typeof clearTimeout;
  return {
    pending: (from) => [...pending.values()].filter((stack) => from.test(stack)).length,
    stop: () => Object.assign(globalThis, { setTimeout: set, clearTimeout: clear }),
  };
}

/** How a watched call ended, or "still running" after `ms` (so a call that never ends fails the test, not its timeout). */
export function outcomeWithin(call: WatchedCall | undefined, ms: number): Promise<unknown> {
  const late = new Promise((resolve) => setTimeout(resolve, ms, "still running"));
  return Promise.race([call?.settled ?? "never called", late]);
}
