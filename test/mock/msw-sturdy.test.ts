import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { createMixMock } from "../../src/mock/index.ts";
import { badInputs, expectAnswerTo } from "../helpers/mock-bad-inputs.ts";
import { sendRaw } from "../helpers/raw-request.ts";
import { successData } from "../helpers/spec-examples.ts";

const seeded = successData("listSessions") as SessionData[];
const mock = createMixMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("mix-sdk/mock's handlers under the requests that took the server down", () => {
  it.each(badInputs)("answer $name as the server does: $status", async (input) => {
    expectAnswerTo(input, await sendRaw("http://localhost:8088", input));
    expect(mock.sessions()).toEqual(seeded);
  });
});
