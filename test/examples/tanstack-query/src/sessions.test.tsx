import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMixMock } from "mix-sdk/mock";
import { setupServer } from "msw/node";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { SessionDetails, SessionList } from "./sessions.tsx";

const mock = createMixMock();
const server = setupServer(...mock.handlers);
const requests: string[] = [];
server.events.on("request:start", ({ request }) => {
  requests.push(`${request.method} ${new URL(request.url).pathname}`);
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  mock.reset();
  requests.length = 0;
});
afterAll(() => server.close());

function renderWithClient(ui: ReactNode) {
  render(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
}

const titles = () => screen.getAllByRole("listitem").map((item) => item.firstChild?.textContent);

it("lists the sessions, newest first", async () => {
  renderWithClient(<SessionList />);
  await screen.findAllByRole("listitem");
  expect(titles()).toEqual(mock.sessions().map((session) => session.title));
});

it("shows a created session first, from the create's answer: no second list request", async () => {
  renderWithClient(<SessionList />);
  await screen.findAllByRole("listitem");
  fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Plan the launch" } });
  fireEvent.click(screen.getByRole("button", { name: "Create" }));
  await waitFor(() => expect(titles()[0]).toBe("Plan the launch"));
  expect(requests).toEqual(["GET /api/sessions", "POST /api/sessions"]);
});

it("takes a deleted session off the list", async () => {
  const [first, ...others] = mock.sessions();
  renderWithClient(<SessionList />);
  await screen.findAllByRole("listitem");
  fireEvent.click(screen.getByRole("button", { name: `Delete ${first.title}` }));
  await waitFor(() => expect(titles()).toEqual(others.map((session) => session.title)));
});

it("says a session the API does not have is not found, after one request", async () => {
  renderWithClient(<SessionDetails id="no-such-session" />);
  expect((await screen.findByRole("alert")).textContent).toBe("No such session");
  expect(requests).toEqual(["GET /api/sessions/no-such-session"]);
});
