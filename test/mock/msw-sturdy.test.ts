import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { createMixMock } from "../../src/mock/index.ts";
import { badInputs, expectAnswerTo } from "../helpers/mock-bad-inputs.ts";
import { sendRaw } from "../helpers/raw-request.ts";
import { successData } from "../helpers/spec-examples.ts";

const seeded = successData("listSessions") as SessionData[];

describe("mix-sdk/mock's handlers under the requests that took the server down", () => {
  // Each test makes its own mock and server: an error while making them fails that test
  // (which mutation testing counts), where one at the top of the file would only fail to load it.
  it.each(badInputs)("answer $name as the server does: $status", async (input) => {
    const mock = createMixMock();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      expectAnswerTo(input, await sendRaw("http://localhost:8088", input));
      expect(mock.sessions()).toEqual(seeded);
    } finally {
      server.close();
    }
  });
});
