import { cleanup } from "@testing-library/react";
import { createMixMock } from "mix-sdk/mock";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

// The handlers answer any origin, so the app's own server URL needs no change in tests.
export const mixMock = createMixMock();
export const server = setupServer(...mixMock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers(); // drops what a test added with server.use(...)
  mixMock.reset(); // each test starts from the seed
});
afterAll(() => server.close());
