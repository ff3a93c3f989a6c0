import { describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { badInputs, expectAnswerTo } from "../helpers/mock-bad-inputs.ts";
import { useMock } from "../helpers/mock-client.ts";
import { sendRaw } from "../helpers/raw-request.ts";
import { successData } from "../helpers/spec-examples.ts";

const seeded = successData("listSessions") as SessionData[];

describe.each([
  ["with Prism checking", true],
  ["without Prism", false],
])("the stateful mock %s, under requests that took it down before", (_, check) => {
  const t = useMock({ check });

  it.each(badInputs)("answers $name as the API would: $status", async (input) => {
    const pid = t.mock.prism?.pid;
    expectAnswerTo(input, await sendRaw(t.mock.url, input));
    // Prism never stopped on it, and the store is as seeded.
    expect(t.mock.prism?.pid).toBe(pid);
    const list = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions" });
    expect([list.status, JSON.parse(list.text)]).toEqual([200, { data: seeded }]);
  });

  it("reports each of them in the log, one line each, with the violation when Prism checks", async () => {
    t.log.length = 0;
    await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions/100%" });
    const line = /^GET \/api\/sessions\/100% 400 \d+ms/;
    expect(t.log).toEqual([expect.stringMatching(line)]);
    expect(t.log[0]?.includes('VIOLATION: The path has a "%" that is not followed by two hex digits')).toBe(check);
  });
});

describe("a seed with 200,000,000 messages", () => {
  const huge = { ...seeded[1], userMessageCount: 200_000_000, assistantMessageCount: 200_000_000 } as SessionData;
  const t = useMock({ sessions: [huge] });

  it("starts, lists and forks as fast as any other, the counts checked by Prism", async () => {
    const list = await sendRaw(t.mock.url, { method: "GET", path: "/api/sessions" });
    expect(JSON.parse(list.text).data[0]).toMatchObject({ userMessageCount: 200_000_000 });
    const fork = await sendRaw(t.mock.url, {
      method: "POST",
      path: `/api/sessions/${huge.id}/fork`,
      headers: { "content-type": "application/json" },
      body: '{"messageIndex":199999999}',
    });
    expect(fork.status).toBe(201);
    expect(fork.headers["sl-violations"]).toBeUndefined();
    // 11 rounds of user, assistant and tool results (33 messages), then 99,999,983 rounds of two.
    const counts = { userMessageCount: 99_999_994, assistantMessageCount: 99_999_994, toolCallCount: 11 };
    expect(JSON.parse(fork.text).data).toMatchObject(counts);
  });
});
