import { describe, expect, it } from "vitest";
import { loadArazzo } from "../../scripts/lib/arazzo.ts";
import type { RespectStep } from "../../scripts/lib/conformance-respect.ts";
import { sdkNotes } from "../../scripts/lib/conformance-sdk.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const doc = loadArazzo();
const session = sampleSession;
const id = session.id;

const step = (
  stepId: string,
  method: string,
  path: string,
  status: number | undefined,
  body?: unknown,
): RespectStep => ({
  workflowId: "w",
  stepId,
  method,
  url: `http://127.0.0.1:9/api/sessions${path}`,
  ...(status === undefined ? {} : { status, body }),
  checks: [],
});

describe("the conformance check's SDK replay", () => {
  it("notes nothing when the SDK returns the body's data as sent", async () => {
    const steps = [
      step("list", "GET", "", 200, { data: [session] }),
      step("get", "GET", `/${id}`, 200, { data: session }),
      step("cancel", "POST", `/${id}/cancel`, 200, { data: { cancelled: true } }),
      step("delete", "DELETE", `/${id}`, 204),
    ];
    expect(await sdkNotes(doc, steps)).toEqual([]);
  });

  it("notes where the SDK's tolerance changes what the server sent", async () => {
    const notes = await sdkNotes(doc, [
      step("list", "GET", "", 200, { data: null }),
      step("cancel", "POST", `/${id}/cancel`, 200, { data: { status: "cancelled", sessionId: id } }),
    ]);
    expect(notes).toEqual([
      {
        workflowId: "w",
        stepId: "list",
        kind: "sdk tolerance",
        text: "the server sent data null; mix.sessions.list returns []",
      },
      {
        workflowId: "w",
        stepId: "cancel",
        kind: "sdk tolerance",
        text: `the server sent data {"status":"cancelled","sessionId":"${id}"}; mix.sessions.cancelProcessing returns {"status":"cancelled","sessionId":"${id}","cancelled":true}`,
      },
    ]);
  });

  it("notes a success the SDK throws on, with the error's name", async () => {
    const [note] = await sdkNotes(doc, [step("get", "GET", `/${id}`, 200, { data: "not a session" })]);
    expect(note).toMatchObject({ stepId: "get", kind: "sdk error" });
    expect(note?.text).toMatch(/^on the server's 200 answer mix\.sessions\.get throws ResponseValidationError: /);
  });

  it("replays with the step's id and body, and leaves errors and unanswered steps alone", async () => {
    const fork = { ...step("fork", "POST", `/${id}/fork`, 201, { data: { ...session, id: "x" } }) };
    fork.requestBody = { messageIndex: 1 };
    expect(await sdkNotes(doc, [fork])).toEqual([]);
    const quiet = [step("gone", "GET", `/${id}`, 404, { error: {} }), step("list", "GET", "", undefined)];
    expect(await sdkNotes(doc, quiet)).toEqual([]);
  });
});
