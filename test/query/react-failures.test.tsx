import { getEventListeners } from "node:events";
import type { QueryClient } from "@tanstack/query-core";
import { QueryClientProvider, useMutation, useQuery } from "@tanstack/react-query";
import { act, cleanup, render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MixDefaultError, RequestAbortedError } from "../../src/index.ts";
import { type SessionQueries, sessionQueries } from "../../src/query/index.ts";
import {
  failing,
  mockedMix,
  mockServer,
  outcomeWithin,
  retryingClient,
  type TimerWatch,
  type WatchedCall,
  watched,
  watchTimers,
} from "../helpers/query-harness.ts";
import { ErrorLine, SessionList } from "./react-components.tsx";

const { requests, responses, use } = mockServer();
/** Where the SDK's timers and MSW's come from. */
const sdk = /\/src\/transport\.ts/;
const msw = /\/node_modules\/msw\//;
let client: QueryClient;
let timers: TimerWatch;

beforeEach(() => {
  client = retryingClient();
  timers = watchTimers();
});
afterEach(() => {
  cleanup();
  client.clear();
  timers.stop();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

/** A list whose options are given: `watched(q.list()).options`, so the test sees the SDK's side of each call. */
function WatchedList({ options }: { options: ReturnType<SessionQueries["list"]> }) {
  const { error } = useQuery(options);
  return error ? <ErrorLine error={error} /> : <p>Loading</p>;
}

/**
 * The SDK's side of the one call `calls` saw, after an unmount: it ended with
 * RequestAbortedError and left no listener on the query's signal and no timer of its own.
 */
async function expectAbortedAndGone(calls: WatchedCall[]): Promise<Error> {
  expect(calls).toHaveLength(1);
  const [call] = calls;
  const outcome = await outcomeWithin(call, 1000);
  expect(outcome).toBeInstanceOf(RequestAbortedError);
  expect(call?.signal.aborted).toBe(true);
  expect(getEventListeners(call?.signal as AbortSignal, "abort")).toHaveLength(0);
  expect(timers.pending(sdk)).toBe(0);
  return outcome as Error;
}

describe("mix-sdk/query's failures, with @tanstack/react-query against mix-sdk/mock", () => {
  it("shows a failed list as the SDK's class after exactly the SDK's 4 attempts, though the client's defaults retry", async () => {
    use(failing);
    render(<SessionList q={sessionQueries(mockedMix())} />, { wrapper });
    expect((await screen.findByRole("alert")).textContent).toBe("RESTResponseError 500");
    expect(requests).toEqual(Array(4).fill("GET /api/sessions"));
  });

  it("fails a create after one attempt: neither the SDK nor TanStack repeats what the server may have done", async () => {
    use(failing);
    const q = sessionQueries(mockedMix());
    const { result } = renderHook(() => useMutation(q.create()), { wrapper });
    let error: unknown;
    await act(async () => {
      error = await result.current.mutateAsync({ title: "x" }).catch((e: unknown) => e);
    });
    // 500 is not a documented status of create, so it is the SDK's MixDefaultError.
    expect(error).toBeInstanceOf(MixDefaultError);
    // TanStack hands the hook its new state in a batch of its own (a timer), which act() may not wait for.
    await vi.waitFor(() => expect(result.current.error).toBe(error));
    expect(requests).toEqual(["POST /api/sessions"]);
  });

  it("aborts a slow request on unmount, leaving no timer and no listener of the SDK's behind", async () => {
    use({ latencyMs: 250 });
    const { options, calls } = watched(sessionQueries(mockedMix()).list());
    const view = render(<WatchedList options={options} />, { wrapper });
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(timers.pending(sdk)).toBe(1);
    view.unmount();
    await expectAbortedAndGone(calls);
    // The SDK is done while the mock still holds the request: MSW's delay() keeps its timer after an abort.
    expect(responses).toEqual([]);
    expect(timers.pending(msw)).toBe(1);
    await vi.waitFor(() => expect(timers.pending(msw)).toBe(0), { timeout: 2000 });
  });

  it("ends the SDK's wait before a retry at once on unmount, after one request", async () => {
    use(failing);
    const lines: string[] = [];
    const patient = mockedMix({
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 60_000, maxInterval: 60_000 } },
      debugLogger: { debug: (line: string) => void lines.push(line) },
    });
    const { options, calls } = watched(sessionQueries(patient).list());
    const view = render(<WatchedList options={options} />, { wrapper });
    // The SDK logs each attempt with its retry decision, then starts the wait.
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(timers.pending(sdk)).toBe(1);
    view.unmount();
    expect((await expectAbortedAndGone(calls)).message).toMatch(/while waiting to retry/);
    expect(requests).toEqual(["GET /api/sessions"]);
  });
});
