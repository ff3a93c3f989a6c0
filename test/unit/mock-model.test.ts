import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleSessions } from "../../generated/examples.ts";
import type { SessionData } from "../../generated/schema.ts";
import { forkHistory, messageAt, seedHistory, totalsOf } from "../../src/mock/messages.ts";
import { createSessionsModel } from "../../src/mock/model.ts";
import { answer } from "../../src/mock/routes.ts";
import { zeroCounts } from "../helpers/mock-expectations.ts";
import { listFork, listMessages, listTotals } from "../helpers/mock-messages-reference.ts";

const billing = exampleSessions.find((s) => s.title === "Refactor the billing module") as SessionData;

/** A model with a clock that ticks one second per read and ids id-1, id-2, ... */
function model(options: Parameters<typeof createSessionsModel>[0] = {}) {
  let seconds = 0;
  let n = 0;
  const now = () => {
    seconds += 1;
    return new Date(Date.parse("2030-01-01T00:00:00Z") + seconds * 1000);
  };
  return createSessionsModel({ now, newId: () => `id-${++n}`, ...options });
}

const data = (response: { body?: unknown }) => (response.body as { data: SessionData }).data;

describe("the sessions model", () => {
  it("starts with the spec's example sessions, newest first, firstUserMessage only in the list", () => {
    const m = model();
    expect(m.list()).toEqual({ status: 200, body: { data: exampleSessions } });
    const { firstUserMessage: _, ...withoutFirst } = billing;
    expect(m.get(billing.id)).toEqual({ status: 200, body: { data: withoutFirst } });
  });

  it("creates a session with a new id, zero counts, the given fields and createdAt now, listed first", () => {
    const m = model();
    const created = m.create(JSON.stringify({ title: "T", workingDirectory: "/w" }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      data: {
        id: "id-1",
        title: "T",
        ...zeroCounts,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/),
        workingDirectory: "/w",
      },
    });
    expect(Date.parse(data(created).createdAt)).toBe(Date.parse("2030-01-01T00:00:01Z"));
    expect((m.list().body as { data: SessionData[] }).data[0]?.id).toBe("id-1");
  });

  it("lists sessions created in the same second in the order of creation, newest first", () => {
    const m = createSessionsModel({ seed: "empty", now: () => new Date(0) });
    const ids = [1, 2, 3].map((i) => data(m.create(`{"title":"s${i}"}`)).id);
    expect(m.sessions().map((s) => s.id)).toEqual(ids.reverse());
  });

  it("forks by copying messages: the tool results after message N come along", () => {
    const m = model();
    // billing: user, assistant (3 tool calls), tool, user, assistant (3), tool, ...
    const atTwo = data(m.fork(billing.id, '{"messageIndex":2}'));
    const atThree = data(m.fork(billing.id, '{"messageIndex":3,"title":"Again"}'));
    const counts = { userMessageCount: 1, assistantMessageCount: 1, toolCallCount: 3 };
    expect(atTwo).toMatchObject({ ...counts, title: "Forked Session", workingDirectory: "/home/dev/billing" });
    expect(atTwo).toMatchObject({ promptTokens: 4559, completionTokens: 1280, cost: 0.03355 });
    expect(atThree).toMatchObject({ ...counts, title: "Again" });
    expect(m.get(billing.id).body).toMatchObject({ data: { userMessageCount: 4, toolCallCount: 11 } });
  });

  it("forks everything when messageIndex passes the end, and keeps the first user message for the list", () => {
    const m = model();
    const all = data(m.fork(billing.id, '{"messageIndex":1000}'));
    const { id: _, createdAt: __, firstUserMessage: ___, workingDirectory: ____, title: _____, ...counts } = billing;
    expect(all).toMatchObject(counts);
    expect(m.sessions()[0]).toMatchObject({ id: all.id, firstUserMessage: billing.firstUserMessage });
  });

  it("deletes for good: get, delete, fork and cancel of that id are then 404", () => {
    const m = model();
    expect(m.delete(billing.id)).toEqual({ status: 204 });
    const message = `Session with ID '${billing.id}' not found`;
    const notFound = { status: 404, body: { error: { code: 404, message, type: "not_found" } } };
    expect([
      m.get(billing.id),
      m.delete(billing.id),
      m.fork(billing.id, '{"messageIndex":1}'),
      m.cancelProcessing(billing.id),
    ]).toEqual([notFound, notFound, notFound, notFound]);
    m.reset();
    expect(m.get(billing.id).status).toBe(200);
  });

  it("cancels processing of a known session", () => {
    expect(model().cancelProcessing(billing.id)).toEqual({ status: 200, body: { data: { cancelled: true } } });
  });

  it.each([
    ["", "bad_request", "Invalid request body: unexpected end of JSON input"],
    ["{", "bad_request", "Invalid request body: the body is not valid JSON"],
    ["[]", "bad_request", "Invalid request body: expected a JSON object"],
    ['{"title":"t","extra":1}', "validation_error", "Validation error for field 'extra': unknown field"],
    ['{"constructor":1}', "validation_error", "Validation error for field 'constructor': unknown field"],
    ['{"__proto__":{}}', "validation_error", "Validation error for field '__proto__': unknown field"],
    ['{"toString":"t"}', "validation_error", "Validation error for field 'toString': unknown field"],
    ['{"title":5}', "validation_error", "Validation error for field 'title': must be a string"],
  ])("answers create with body %j with 400 %s", (body, type, message) => {
    expect(model().create(body)).toEqual({ status: 400, body: { error: { code: 400, message, type } } });
  });

  it.each([
    ['{"messageIndex":0}', "Validation error for field 'messageIndex': must be at least 1"],
    ['{"messageIndex":1.5}', "Validation error for field 'messageIndex': must be an integer"],
    ['{"title":"x"}', "Validation error for field 'messageIndex': is required"],
  ])("answers fork with body %s with 400 validation_error", (body, message) => {
    const response = model().fork(billing.id, body);
    expect(response).toEqual({ status: 400, body: { error: { code: 400, message, type: "validation_error" } } });
  });

  it("with quirks, behaves like the real server and marks each such answer", () => {
    const m = model({ quirks: true, seed: "empty" });
    expect(m.list()).toEqual({ status: 200, body: { data: null }, quirk: true });
    expect(m.create("{}")).toMatchObject({ status: 400, quirk: true, body: { error: { type: "validation_error" } } });
    expect(m.delete("nope")).toMatchObject({ status: 500, quirk: true, body: { error: { type: "internal_error" } } });
    expect(m.fork("nope", '{"messageIndex":1}')).toMatchObject({ status: 500, quirk: true });
    expect(m.cancelProcessing("nope")).toEqual({
      status: 200,
      body: { data: { status: "cancelled", sessionId: "nope" } },
      quirk: true,
    });
    expect(m.get("nope").status).toBe(404);
  });
});

describe("the router", () => {
  it("routes the spec's paths, and answers others as the real server's router does", () => {
    const m = model();
    expect(answer(m, "GET", `/api/sessions/${encodeURIComponent(billing.id)}`, "").status).toBe(200);
    expect(answer(m, "POST", `/api/sessions/${billing.id}/cancel`, "").status).toBe(200);
    expect(answer(m, "PUT", "/api/sessions", "")).toMatchObject({ status: 405, text: "Method Not Allowed\n" });
    expect(answer(m, "GET", "/api/other", "")).toMatchObject({ status: 404, text: "404 page not found\n" });
  });

  it("answers them the same with quirks, not marked as quirks: the request breaks the spec, not the answer", () => {
    const m = createSessionsModel({ quirks: true });
    expect(answer(m, "PUT", "/api/sessions", "")).toEqual(answer(model(), "PUT", "/api/sessions", ""));
    expect(answer(m, "PUT", "/api/sessions", "").quirk).toBeUndefined();
    expect(answer(m, "GET", "/api/other", "").quirk).toBeUndefined();
  });
});

const sessionArb = fc.record({
  id: fc.uuid(),
  title: fc.string(),
  userMessageCount: fc.nat(30),
  assistantMessageCount: fc.nat(30),
  toolCallCount: fc.nat(100),
  promptTokens: fc.nat(10_000_000),
  completionTokens: fc.nat(10_000_000),
  cost: fc.nat(100_000_000).map((micro) => micro / 1e6),
  createdAt: fc.constant("2025-09-10T18:59:13+05:30"),
  firstUserMessage: fc.option(fc.string(), { nil: undefined }),
});

describe("the messages behind a session, computed without a list", () => {
  it("are, message by message, the history the docs describe", () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const list = listMessages(session);
        expect(seedHistory(session).length).toBe(list.length);
        expect(list.map((_, n) => messageAt(session, n))).toEqual(list);
      }),
    );
  });

  it("give a fork at any index, and a fork of that fork, the counts of the messages a list would copy", () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), (session, i, j) => {
        const list = listFork(listMessages(session), i);
        const forked = forkHistory(seedHistory(session), i);
        expect(forked.length).toBe(list.length);
        expect(totalsOf(forked)).toEqual(listTotals(list));
        expect(totalsOf(forkHistory(forked, j))).toEqual(listTotals(listFork(list, j)));
      }),
    );
  });

  it("agree with the seed's totals whenever it has an assistant message", () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        fc.pre(session.assistantMessageCount > 0);
        const { id: _, title: __, createdAt: ___, firstUserMessage: ____, ...totals } = session;
        expect(totalsOf(seedHistory(session))).toEqual(totals);
      }),
    );
  });

  it("take the same time and memory for 200,000,000 messages as for two", () => {
    const huge = { ...billing, userMessageCount: 200_000_000, assistantMessageCount: 200_000_000, toolCallCount: 7 };
    const history = seedHistory(huge);
    expect(history.length).toBe(400_000_007);
    expect(totalsOf(forkHistory(history, 300_000_000))).toMatchObject({
      // 7 rounds of user, assistant and tool results, then rounds of two: 21 + 2 * 149,999,989 + 1 user.
      userMessageCount: 149_999_997,
      assistantMessageCount: 149_999_996,
      toolCallCount: 7,
    });
  });
});

describe("the model's edges", () => {
  const quirky = () => createSessionsModel({ quirks: true });

  it("names a session created without a title, keeps no workingDirectory it was not given, and forks a created session with no messages", () => {
    const m = model({ seed: "empty" });
    const created = data(m.create("{}"));
    expect(created.title).toBe("New Session");
    expect(Object.keys(created)).not.toContain("workingDirectory");
    const fork = data(m.fork(created.id, '{"messageIndex":5}'));
    expect(fork).toMatchObject({ ...zeroCounts, title: "Forked Session" });
    expect(Object.keys(fork)).not.toContain("workingDirectory");
    expect(Object.keys(m.sessions()[0] ?? {})).not.toContain("firstUserMessage");
  });

  it("lists a seeded session's firstUserMessage only when it has a user message", () => {
    const silent = { ...billing, id: "11111111-1111-4111-8111-111111111111", userMessageCount: 0 };
    const m = createSessionsModel({ seed: [silent] });
    expect(Object.keys(m.sessions()[0] ?? {})).not.toContain("firstUserMessage");
  });

  it("lists seeded sessions of the same createdAt in the seed's order", () => {
    const at = "2025-01-01T00:00:00Z";
    const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const m = createSessionsModel({ seed: ids.map((id) => ({ ...billing, id, createdAt: at })) });
    expect(m.sessions().map((s) => s.id)).toEqual(ids);
  });

  it("with quirks, says what the real server says, and lists sessions when there are some", () => {
    const m = quirky();
    expect(m.list().body).toEqual({ data: expect.any(Array) });
    expect(m.create('{"title":""}').body).toEqual({
      error: { code: 400, type: "validation_error", message: "Validation error for field 'title': must not be empty" },
    });
    expect(m.delete("nope").body).toMatchObject({
      error: { message: "Internal error during delete session: session nope not found" },
    });
    expect(m.fork("nope", '{"messageIndex":1}').body).toMatchObject({
      error: { message: "Internal error during fork session: session nope not found" },
    });
  });

  it("reads a body of white space as an empty one, and refuses JSON that is not an object", () => {
    const m = model();
    const refusal = (body: string) => (m.create(body).body as { error: { message: string } }).error.message;
    expect(refusal(" \n")).toBe("Invalid request body: unexpected end of JSON input");
    for (const body of ["null", "5", '"text"', "[]", "true"])
      expect(refusal(body), body).toBe("Invalid request body: expected a JSON object");
    expect(m.fork(billing.id, '{"messageIndex":1}').status).toBe(201);
  });
});
