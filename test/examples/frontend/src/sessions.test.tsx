import { fireEvent, render, screen } from "@testing-library/react";
import { Mix } from "mix-sdk";
import { createMixMock } from "mix-sdk/mock";
import { expect, it } from "vitest";
import { mixMock, server } from "../test/setup";
import { Sessions } from "./sessions";

// No retries in tests: with the default policy an injected 503 is retried for over a second,
// longer than the 1 s that findBy* waits, and the error would not show in time.
const mix = new Mix({ retryConfig: { strategy: "none" } });

it("lists the sessions, newest first", async () => {
  render(<Sessions mix={mix} />);
  const items = await screen.findAllByRole("listitem");
  expect(items.map((item) => item.textContent)).toEqual(["Write release notes", "Refactor the billing module"]);
});

it("creates a session, which the list then shows first", async () => {
  render(<Sessions mix={mix} />);
  await screen.findAllByRole("listitem");
  fireEvent.change(screen.getByLabelText("Title"), { target: { value: "From the test" } });
  fireEvent.click(screen.getByRole("button", { name: "Create" }));
  expect(await screen.findByText("From the test")).toBeTruthy();
  expect(mixMock.sessions()[0]?.title).toBe("From the test");
});

it("shows the API's error when the list fails", async () => {
  server.use(...createMixMock({ failRate: 1, failStatus: [503] }).handlers);
  render(<Sessions mix={mix} />);
  expect((await screen.findByRole("alert")).textContent).toBe("The API failed (503)");
});
