import { QueryClient, useMutation, useQuery, VueQueryPlugin } from "@tanstack/vue-query";
import { waitFor } from "@testing-library/dom";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp, defineComponent, h } from "vue";
import { type SessionQueries, sessionKeys, sessionQueries } from "../../src/query/index.ts";
import { mockedMix, mockServer, retryingClient } from "../helpers/query-harness.ts";

const { mock, requests } = mockServer();
const seeded = mock.sessions();
let client: QueryClient;
let app: App | undefined;

beforeEach(() => {
  // vue-query's own QueryClient: its observers wait for the client's `isRestoring` before subscribing.
  client = retryingClient(QueryClient);
});
afterEach(() => {
  app?.unmount();
  document.body.replaceChildren();
  client.clear();
});

/** The list and a button that creates a session, as a Vue component with `@tanstack/vue-query`. */
const Sessions = defineComponent({
  props: { q: { type: Object as () => SessionQueries, required: true } },
  setup({ q }) {
    const { data, error } = useQuery(q.list());
    const create = useMutation(q.create());
    return () => [
      h("button", { onClick: () => create.mutate({ title: "From Vue" }) }, "New session"),
      error.value
        ? h("p", { role: "alert" }, error.value.name)
        : h(
            "ul",
            (data.value ?? []).map((session) => h("li", { key: session.id }, session.title)),
          ),
    ];
  },
});

/** Mounts `Sessions` into a fresh element, with the test's QueryClient. */
function mountSessions(q: SessionQueries): HTMLElement {
  const root = document.body.appendChild(document.createElement("div"));
  app = createApp(Sessions, { q }).use(VueQueryPlugin, { queryClient: client });
  app.mount(root);
  return root;
}

const titles = (root: HTMLElement) => [...root.querySelectorAll("li")].map((item) => item.textContent);

describe("mix-sdk/query with @tanstack/vue-query against mix-sdk/mock", () => {
  it("lists the sessions, then shows a created one first, from the create's answer", async () => {
    const root = mountSessions(sessionQueries(mockedMix()));
    await waitFor(() => expect(titles(root)).toEqual(seeded.map((s) => s.title)));
    root.querySelector("button")?.click();
    await waitFor(() => expect(titles(root)).toEqual(["From Vue", ...seeded.map((s) => s.title)]));
    const created = mock.sessions()[0];
    expect(client.getQueryData(sessionKeys.detail(created?.id ?? ""))).toMatchObject({ title: "From Vue" });
    expect(requests).toEqual(["GET /api/sessions", "POST /api/sessions"]);
  });
});
