import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { Mix, RESTResponseError } from "../../src/index.ts";
import { expectations } from "../helpers/mock-expectations.ts";
import { sampleSession } from "../helpers/spec-examples.ts";
import { createViolationRecorder, expectNoViolations } from "../helpers/violation-recorder.ts";

// Runs against both mocks: Prism alone (project contract) and the stateful one (project mock).
const kind = inject("mockKind");
const mockURL = inject("mockURL");
const recorder = createViolationRecorder();
const mix = new Mix({ serverURL: mockURL, fetch: recorder.fetch });
const expected = expectations(kind);
const { id } = sampleSession;

beforeEach(async () => {
  if (kind === "stateful") await fetch(`${mockURL}/__mock/reset`, { method: "POST" }).then((r) => r.arrayBuffer());
});
afterEach(() => expectNoViolations(recorder));

describe(`each operation through the SDK, against the ${kind} mock`, () => {
  it("list returns the sessions of the spec's example", async () => {
    await expect(mix.sessions.list()).resolves.toStrictEqual(expected.list);
  });

  it("create with a body returns the session it describes", async () => {
    const session = await mix.sessions.create({ title: "Refactor the billing module", workingDirectory: "/home/dev" });
    expect(session).toStrictEqual(expected.created("Refactor the billing module", "/home/dev"));
  });

  it("create without a body sends {} (the body is required) and returns a session", async () => {
    await expect(mix.sessions.create()).resolves.toStrictEqual(expected.createdUntitled());
    expect(recorder.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(["POST 201"]);
  });

  it("get returns the session of the spec's example", async () => {
    await expect(mix.sessions.get({ id })).resolves.toStrictEqual(expected.get);
  });

  it("delete resolves undefined on 204", async () => {
    await expect(mix.sessions.delete({ id })).resolves.toBeUndefined();
    expect(recorder.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(["DELETE 204"]);
  });

  it("fork with a title returns the new session", async () => {
    const fork = await mix.sessions.fork({ id, messageIndex: 3, title: "Billing refactor, second attempt" });
    expect(fork).toStrictEqual(expected.forkedAtThree("Billing refactor, second attempt"));
  });

  it("fork without a title returns the new session", async () => {
    await expect(mix.sessions.fork({ id, messageIndex: 1 })).resolves.toStrictEqual(expected.forkedAtOne());
  });

  it("cancelProcessing returns the result of the spec's example", async () => {
    await expect(mix.sessions.cancelProcessing({ id })).resolves.toStrictEqual(expected.cancel);
  });

  it("sends percent-encoded ids that the mock reads as one path segment", async () => {
    const result = await mix.sessions.get({ id: "a/b c?d" }).catch((error: unknown) => error);
    expect(recorder.exchanges[0]?.url).toBe(`${mockURL}/api/sessions/a%2Fb%20c%3Fd`);
    if (kind === "prism") expect(result).toStrictEqual(expected.get);
    else expect(result).toMatchObject({ statusCode: 404, message: "Session with ID 'a/b c?d' not found" });
  });

  it("answers an unknown id with the documented 404 and its envelope", async () => {
    const headers: Record<string, string> = kind === "prism" ? { Prefer: "code=404" } : {};
    const error = await mix.sessions.get({ id: "3d8a6f2c-95e1-4b7a-8c0d-61f4e2b9a7d3" }, { headers }).catch((e) => e);
    expect(error).toBeInstanceOf(RESTResponseError);
    expect(error).toMatchObject({ statusCode: 404, data: { error: { code: 404, type: "not_found" } } });
    expect(Object.keys((error as RESTResponseError).data)).toEqual(["error"]);
  });
});
