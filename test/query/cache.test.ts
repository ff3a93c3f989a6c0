// @vitest-environment node
import { getEventListeners } from "node:events";
import { CancelledError, MutationObserver, QueryObserver } from "@tanstack/query-core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  InvalidRequestError,
  type Mix,
  RESTResponseError,
  RequestAbortedError,
  type SessionData,
} from "../../src/index.ts";
import { createMixMock } from "../../src/mock/index.ts";
import { sessionKeys, sessionQueries } from "../../src/query/index.ts";
import { failing, mockedMix, outcomeWithin, retryingClient, serverURL, watched } from "../helpers/query-harness.ts";

const mock = createMixMock({ baseURL: serverURL });
const server = setupServer(...mock.handlers);
const seeded = mock.sessions();
const q = sessionQueries(mockedMix());

const requests: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on(
    "request:start",
    ({ request }) => void requests.push(`${request.method} ${new URL(request.url).pathname}`),
  );
});
/** The releases of held answers: a test that fails before releasing its own leaves no request pending. */
const held: (() => void)[] = [];

afterEach(() => {
  for (const release of held.splice(0)) release();
  server.resetHandlers();
  mock.reset();
  requests.length = 0;
});
afterAll(() => server.close());

/** A GET of `path` that reads the store at once and answers only when released: an answer older than what follows it. */
function heldAnswer(path: string, read: () => unknown) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = http.get(
    `${serverURL}${path}`,
    async () => {
      const body = { data: read() };
      await released;
      return HttpResponse.json(body);
    },
    { once: true },
  );
  server.use(handler);
  held.push(release);
  return release;
}

const heldListAnswer = () => heldAnswer("/api/sessions", () => mock.sessions());

describe("sessionQueries' option objects, with query-core alone", () => {
  it('keys everything under ["mix", "sessions"]', () => {
    expect([sessionKeys.all, sessionKeys.list(), sessionKeys.details(), sessionKeys.detail("s1")]).toEqual([
      ["mix", "sessions"],
      ["mix", "sessions", "list"],
      ["mix", "sessions", "detail"],
      ["mix", "sessions", "detail", "s1"],
    ]);
    expect(q.get({ id: "s1" }).queryKey).toEqual(sessionKeys.detail("s1"));
    expect([q.create(), q.fork(), q.delete(), q.cancelProcessing()].map((o) => o.mutationKey)).toEqual(
      ["create", "fork", "delete", "cancelProcessing"].map((name) => ["mix", "sessions", name]),
    );
  });

  it("turns TanStack's retry off in each of the six", () => {
    const all = [q.list(), q.get({ id: "s1" }), q.create(), q.fork(), q.delete(), q.cancelProcessing()];
    expect(all.map((options) => options.retry)).toEqual(Array(6).fill(false));
  });

  it("refuses anything but a Mix client with the main entry's InvalidRequestError", () => {
    for (const notMix of [undefined, {}, { sessions: {} }]) {
      expect(() => sessionQueries(notMix as unknown as Mix)).toThrow(InvalidRequestError);
    }
    expect(() => sessionQueries({} as Mix)).toThrow("Invalid request: mix must be a Mix client (new Mix(...))");
  });

  it("gives a bad id to the SDK, whose InvalidRequestError is the query's error, with nothing sent", async () => {
    const client = retryingClient();
    for (const params of [undefined, { id: "" }, { id: ".." }]) {
      const error = await client.fetchQuery(q.get(params as { id: string })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
    }
    expect(requests).toEqual([]);
    client.clear();
  });

  it("fetches the list again when a list answer was on its way during a create, so the older answer never lands", async () => {
    const client = retryingClient();
    const list = new QueryObserver(client, q.list());
    const shown: (string | undefined)[][] = [];
    const stop = list.subscribe((result) => void shown.push((result.data ?? []).map((s) => s.title)));
    await client.refetchQueries({ queryKey: sessionKeys.list() });
    const release = heldListAnswer();
    const stale = client.refetchQueries({ queryKey: sessionKeys.list() });
    const created = await new MutationObserver(client, q.create()).mutate({ title: "New" });
    release();
    await stale;
    expect(client.getQueryData(sessionKeys.list())?.[0]).toEqual(expect.objectContaining({ id: created.id }));
    expect(shown.at(-1)).toEqual(["New", ...seeded.map((s) => s.title)]);
    stop();
    client.clear();
  });

  it("cancels a list prefetch on its way during a create, so the older answer never lands, and marks the list stale", async () => {
    const client = retryingClient();
    await client.prefetchQuery(q.list());
    const release = heldListAnswer();
    const stale = client.prefetchQuery({ ...q.list(), staleTime: 0 });
    await vi.waitFor(() => expect(requests).toHaveLength(2), { timeout: 5_000 });
    const created = await new MutationObserver(client, q.create()).mutate({ title: "New" });
    release();
    await stale;
    expect(client.getQueryData(sessionKeys.list())?.map((s) => s.id)).toEqual([created.id, ...seeded.map((s) => s.id)]);
    expect(client.getQueryState(sessionKeys.list())?.isInvalidated).toBe(true);
    expect(requests).toEqual(["GET /api/sessions", "GET /api/sessions", "POST /api/sessions"]);
    client.clear();
  });

  it("leaves a session's own fetch on its way during a create alone: its answer lands", async () => {
    const client = retryingClient();
    const session = seeded[1] as SessionData;
    const release = heldAnswer(`/api/sessions/${session.id}`, () => session);
    const fetched = client.fetchQuery(q.get({ id: session.id }));
    await vi.waitFor(() => expect(requests).toHaveLength(1), { timeout: 5_000 });
    await new MutationObserver(client, q.create()).mutate({ title: "New" });
    release();
    expect(await fetched).toEqual(session);
    expect(client.getQueryState(sessionKeys.detail(session.id))?.isInvalidated).toBe(false);
    client.clear();
  });

  it("lists a created session once, first, when the list already holds it", async () => {
    const client = retryingClient();
    await client.prefetchQuery(q.list());
    const known = seeded[1] as SessionData;
    server.use(http.post(`${serverURL}/api/sessions`, () => HttpResponse.json({ data: known }, { status: 201 })));
    await new MutationObserver(client, q.create()).mutate({ title: known.title });
    const ids = seeded.map((s) => s.id);
    expect(client.getQueryData(sessionKeys.list())?.map((s) => s.id)).toEqual([
      known.id,
      ...ids.filter((id) => id !== known.id),
    ]);
    client.clear();
  });

  it("resets a deleted session's own query: a component showing it fetches again and gets the 404", async () => {
    const client = retryingClient();
    const id = seeded[0]?.id ?? "";
    const detail = new QueryObserver(client, q.get({ id }));
    const stop = detail.subscribe(() => {});
    await client.refetchQueries({ queryKey: sessionKeys.detail(id) });
    expect(detail.getCurrentResult().data?.id).toBe(id);
    await new MutationObserver(client, q.delete()).mutate({ id });
    const result = detail.getCurrentResult();
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(RESTResponseError);
    expect((result.error as RESTResponseError).statusCode).toBe(404);
    stop();
    client.clear();
  });

  it("stops the SDK during its wait before a retry when the query is cancelled", async () => {
    server.use(...createMixMock({ baseURL: serverURL, ...failing }).handlers);
    const lines: string[] = [];
    const patient = mockedMix({
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 60_000, maxInterval: 60_000 } },
      debugLogger: { debug: (line: string) => void lines.push(line) },
    });
    const client = retryingClient();
    const { options, calls } = watched(sessionQueries(patient).list());
    const fetched = client.fetchQuery(options).catch((e: unknown) => e);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    await client.cancelQueries({ queryKey: sessionKeys.list() });
    const outcome = await outcomeWithin(calls[0], 1000);
    expect(outcome).toBeInstanceOf(RequestAbortedError);
    expect((outcome as Error).message).toMatch(/while waiting to retry/);
    expect(getEventListeners(calls[0]?.signal as AbortSignal, "abort")).toHaveLength(0);
    // What fetchQuery itself rejects with is TanStack's: the query had no data to fall back to.
    expect(await fetched).toBeInstanceOf(CancelledError);
    expect(requests).toEqual(["GET /api/sessions"]);
    client.clear();
  });

  it("marks a cancelled session stale where nothing shows it, with no request", async () => {
    const client = retryingClient();
    const id = seeded[0]?.id ?? "";
    await client.prefetchQuery(q.get({ id }));
    await client.prefetchQuery(q.list());
    requests.length = 0;
    await new MutationObserver(client, q.cancelProcessing()).mutate({ id });
    expect(requests).toEqual([`POST /api/sessions/${id}/cancel`]);
    for (const key of [sessionKeys.detail(id), sessionKeys.list()]) {
      expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    }
    client.clear();
  });
});
