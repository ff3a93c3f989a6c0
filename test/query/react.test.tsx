import type { QueryClient } from "@tanstack/query-core";
import { QueryClientProvider, useMutation } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessionKeys, sessionQueries } from "../../src/query/index.ts";
import { mockedMix, mockServer, retryingClient } from "../helpers/query-harness.ts";
import { NewSession, SessionList, SessionTitle } from "./react-components.tsx";

const { mock, requests } = mockServer();
const seeded = mock.sessions();
const q = sessionQueries(mockedMix());
let client: QueryClient;

beforeEach(() => {
  client = retryingClient();
});
afterEach(() => {
  cleanup();
  client.clear();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);
const show = (ui: ReactNode) => render(ui, { wrapper });
/** The titles the list shows, top to bottom. */
const titles = () => screen.queryAllByRole("listitem").map((item) => item.querySelector("span")?.textContent);

describe("mix-sdk/query with @tanstack/react-query against mix-sdk/mock", () => {
  it("lists the sessions the mock holds, newest first", async () => {
    show(<SessionList q={q} />);
    await screen.findAllByRole("listitem");
    expect(titles()).toEqual(seeded.map((s) => s.title));
    expect(requests).toEqual(["GET /api/sessions"]);
  });

  it("shows a created session first in the list from the create's answer, and caches it by id", async () => {
    show(
      <>
        <NewSession q={q} title="From React" />
        <SessionList q={q} />
      </>,
    );
    await screen.findAllByRole("listitem");
    fireEvent.click(screen.getByRole("button", { name: "New session" }));
    await waitFor(() => expect(titles()).toEqual(["From React", ...seeded.map((s) => s.title)]));
    const created = mock.sessions()[0];
    expect(created?.title).toBe("From React");
    expect(requests).toEqual(["GET /api/sessions", "POST /api/sessions"]);
    expect(client.getQueryData(sessionKeys.detail(created?.id ?? ""))).toMatchObject({ id: created?.id });
    // Shown from the cache on the first render (TanStack then refetches it in the background, as it is stale).
    show(<SessionTitle q={q} id={created?.id ?? ""} />);
    expect(screen.getByRole("heading").textContent).toBe("From React");
  });

  it("drops a deleted session from the list and from its own query, which then answers 404", async () => {
    const [gone, ...kept] = seeded;
    await client.prefetchQuery(q.get({ id: gone?.id ?? "" }));
    show(<SessionList q={q} />);
    await screen.findAllByRole("listitem");
    fireEvent.click(screen.getByRole("button", { name: `Delete ${gone?.title}` }));
    await waitFor(() => expect(titles()).toEqual(kept.map((s) => s.title)));
    expect(client.getQueryData(sessionKeys.detail(gone?.id ?? ""))).toBeUndefined();
    show(<SessionTitle q={q} id={gone?.id ?? ""} />);
    expect((await screen.findByRole("alert")).textContent).toBe("RESTResponseError 404");
    expect(requests).toEqual([
      `GET /api/sessions/${gone?.id}`,
      "GET /api/sessions",
      `DELETE /api/sessions/${gone?.id}`,
      `GET /api/sessions/${gone?.id}`,
    ]);
  });

  it("puts a fork first in the list and caches it by id, with no refetch", async () => {
    const source = seeded[1]?.id ?? "";
    show(<SessionList q={q} />);
    await screen.findAllByRole("listitem");
    const { result } = renderHook(() => useMutation(q.fork()), { wrapper });
    const fork = await act(() => result.current.mutateAsync({ id: source, messageIndex: 1, title: "Fork" }));
    await waitFor(() => expect(titles()).toEqual(["Fork", ...seeded.map((s) => s.title)]));
    expect(client.getQueryData(sessionKeys.detail(fork.id))).toEqual(fork);
    expect(requests).toEqual(["GET /api/sessions", `POST /api/sessions/${source}/fork`]);
  });

  it("refetches the list and the session shown after a cancel, whose answer holds no session", async () => {
    const id = seeded[0]?.id ?? "";
    show(
      <>
        <SessionTitle q={q} id={id} />
        <SessionList q={q} />
      </>,
    );
    await screen.findAllByRole("listitem");
    await screen.findByText(seeded[0]?.title ?? "", { selector: "h1" });
    requests.length = 0;
    const { result } = renderHook(() => useMutation(q.cancelProcessing()), { wrapper });
    await expect(act(() => result.current.mutateAsync({ id }))).resolves.toEqual({ cancelled: true });
    expect(requests.sort()).toEqual([
      `GET /api/sessions`,
      `GET /api/sessions/${id}`,
      `POST /api/sessions/${id}/cancel`,
    ]);
  });
});
