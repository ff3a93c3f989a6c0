/**
 * The breaking-change gate on fixture pairs (test/fixtures/spec-diff/): base.yaml against a copy
 * with one change, through the whole pipeline, Redocly's diff engine included. Each case names
 * the exact lines the gate prints, breaking ones and the others.
 */
import { describe, it } from "vitest";
import { compareSpecs } from "../../scripts/spec-gate/gate.ts";
import { expectLines, fixtureSpec, gateCase } from "../helpers/spec-diff.ts";

const diffFixture = (name: string) => compareSpecs(fixtureSpec("base"), fixtureSpec(name));
const texts = (changes: { text: string }[]) => changes.map((c) => c.text);

/** Where a SessionData field is in the four operations that return a session. */
const sessionData = (field: string) =>
  [
    `GET /api/sessions (listSessions) 200 at data[].${field}`,
    `POST /api/sessions (createSession) 201 at data.${field}`,
    `GET /api/sessions/{id} (getSession) 200 at data.${field}`,
    `POST /api/sessions/{id}/fork (forkSession) 201 at data.${field}`,
  ].join("; ");
const createBody = "POST /api/sessions (createSession) request body";
const errorBodies =
  "GET /api/sessions (listSessions) 401; POST /api/sessions (createSession) 400; DELETE /api/sessions/{id} (deleteSession) 404; GET /api/sessions/{id} (getSession) 404; POST /api/sessions/{id}/fork (forkSession) 404";
const successBodies =
  "GET /api/sessions (listSessions) 200; POST /api/sessions (createSession) 201; GET /api/sessions/{id} (getSession) 200; POST /api/sessions/{id}/fork (forkSession) 201";

describe("spec:diff sees no change where the same API is described another way", () => {
  it.for(["same-parameters-on-operations", "same-refs-inlined", "same-allof-merged", "same-key-order"])(
    "%s: no change, not even a documentation one",
    gateCase,
    async (name, { expect }) => {
      const result = await diffFixture(name);
      expect(result).toMatchObject({ ok: true, changes: [], documentation: 0 });
    },
  );
});

describe("spec:diff names removed and added operations as the old spec has them", () => {
  expectLines([
    ["remove-operation", ["removed operation DELETE /api/sessions/{id} (deleteSession)"], []],
    ["add-operation", [], ["added operation POST /api/sessions/{id}/cancel (cancelSessionProcessing)"]],
    [
      "replace-operation",
      ["removed operation POST /api/sessions/{id}/fork (forkSession)"],
      ["added operation POST /api/notifications/{id}/respond (respondToNotification)"],
    ],
    ["rename-operation-id", ["operationId of GET /api/sessions/{id} (getSession) changed to fetchSession"], []],
    [
      "rename-path-parameter",
      [
        "path parameter id renamed to sessionId (the URL is the same; generated clients name the argument after it), in GET /api/sessions/{id} (getSession); DELETE /api/sessions/{id} (deleteSession)",
      ],
      [],
    ],
  ]);
});

describe("spec:diff judges fields by the direction of the data, once per change", () => {
  expectLines([
    [
      "remove-response-field",
      [`response field SessionData.title removed (it was required), in ${sessionData("title")}`],
      [],
    ],
    ["add-response-field", [], [`response field SessionData.createdAt added, in ${sessionData("createdAt")}`]],
    ["require-request-field", [`request field CreateSessionRequest.title now required, in ${createBody}`], []],
    ["add-optional-request-field", [], [`request field CreateSessionRequest.workingDirectory added, in ${createBody}`]],
    ["remove-request-field", [`request field CreateSessionRequest.mode removed, in ${createBody}`], []],
    [
      "shared-required-removed",
      [`response field Settings.model may now be missing (no longer required), in ${sessionData("settings.model")}`],
      [`request field Settings.model now optional, in ${createBody} at settings.model`],
    ],
    [
      "shared-required-added",
      [`request field Settings.temperature now required, in ${createBody} at settings.temperature`],
      [`response field Settings.temperature now always present (required), in ${sessionData("settings.temperature")}`],
    ],
  ]);
});

describe("spec:diff judges values: a narrower response or a wider request is safe", () => {
  expectLines([
    [
      "narrow-request-type",
      [
        "request field ForkSessionRequest.messageIndex: type number -> integer, in POST /api/sessions/{id}/fork (forkSession) request body",
      ],
      [],
    ],
    [
      "narrow-response-type",
      [],
      [`response field SessionData.cost: type number -> integer, in ${sessionData("cost")}`],
    ],
    [
      "widen-response-enum",
      [`response field SessionData.status: values added: failed, in ${sessionData("status")}`],
      [],
    ],
    [
      "narrow-response-enum",
      [],
      [`response field SessionData.status: values removed: busy, in ${sessionData("status")}`],
    ],
    ["narrow-request-enum", [`request field CreateSessionRequest.mode: values removed: plan, in ${createBody}`], []],
    ["widen-request-enum", [], [`request field CreateSessionRequest.mode: values added: review, in ${createBody}`]],
    ["widen-request-anyof", [], [`request field CreateSessionRequest.title may now also be null, in ${createBody}`]],
    [
      "narrow-request-oneof",
      [`request field CreateSessionRequest.mode: one of agent, chat, plan -> "chat" or "agent", in ${createBody}`],
      [],
    ],
    [
      "widen-response-anyof",
      [`response field SessionData.cost may now also be a string, in ${sessionData("cost")}`],
      [],
    ],
    [
      "widen-response-items-nullable",
      ["response field data[] may now also be null, in GET /api/sessions (listSessions) 200"],
      [],
    ],
  ]);
});

describe("spec:diff judges media types and statuses by direction", () => {
  const exportOp = "GET /api/sessions/{id}/export (exportSession)";
  expectLines([
    [
      "narrow-response-media-type",
      [],
      [
        `response 200 media type */* -> text/markdown, in ${exportOp}`,
        `response 200 media type */* -> application/json, in ${exportOp}`,
      ],
    ],
    ["widen-response-media-type", ["response 200 may now be text/csv, in GET /api/sessions (listSessions)"], []],
    [
      "narrow-request-media-type",
      ["request body no longer accepted as application/json, in POST /api/sessions (createSession)"],
      ["request body now also accepted as application/x-www-form-urlencoded, in POST /api/sessions (createSession)"],
    ],
    [
      "widen-request-media-type",
      [],
      ["request body now also accepted as application/yaml, in POST /api/sessions (createSession)"],
    ],
    [
      "widen-request-media-type-to-any",
      [],
      ["request body media type application/json -> */*, in POST /api/sessions (createSession)"],
    ],
    [
      "remove-status",
      ["error status 404 no longer documented (its body may now be anything), in GET /api/sessions/{id} (getSession)"],
      [],
    ],
    ["change-status", ["answers 200 instead of 201, in POST /api/sessions (createSession)"], []],
    ["add-error-status", [], ["documents error status 500, in GET /api/sessions/{id} (getSession)"]],
  ]);
});

describe("spec:diff says a structural change once, in plain words", () => {
  expectLines([
    [
      "drop-envelope",
      [
        "response body no longer wrapped in {data: ...} (the payload is now the whole body), in POST /api/sessions (createSession) 201; GET /api/sessions/{id} (getSession) 200; POST /api/sessions/{id}/fork (forkSession) 201",
      ],
      [],
    ],
    ["error-envelope-only-error", [`response fields data and message of RESTResponse removed, in ${errorBodies}`], []],
  ]);
});

describe("spec:diff lets the narrowed responses of issue 9 through, but not a narrowed request", () => {
  const errorType = [
    "GET /api/sessions (listSessions) 200, 401 at error.type",
    "POST /api/sessions (createSession) 201, 400 at error.type",
    "DELETE /api/sessions/{id} (deleteSession) 404 at error.type",
    "GET /api/sessions/{id} (getSession) 200, 404 at error.type",
    "POST /api/sessions/{id}/fork (forkSession) 201, 404 at error.type",
  ].join("; ");
  expectLines([
    [
      "narrow-success-envelope",
      [],
      [
        `response field RESTResponse.data now always present (required), in ${successBodies}`,
        `response field RESTResponse.error no longer sent (now forbidden), in ${successBodies}`,
      ],
    ],
    [
      "narrow-error-envelope",
      [],
      [`response field RESTResponse.data no longer sent (now forbidden), in ${errorBodies}`],
    ],
    ["uuid-ids", [], [`response field SessionData.id: format (none) -> uuid, in ${sessionData("id")}`]],
    ["minimum-cost", [], [`response field SessionData.cost: minimum (none) -> 0, in ${sessionData("cost")}`]],
    [
      "error-type-enum",
      [],
      [
        `response field RESTError.type: one of bad_request, not_found or a string -> one of bad_request, not_found, in ${errorType}`,
      ],
    ],
    [
      "uuid-path-parameter",
      [
        "path parameter id: format (none) -> uuid, in DELETE /api/sessions/{id} (deleteSession); GET /api/sessions/{id} (getSession); GET /api/sessions/{id}/export (exportSession); POST /api/sessions/{id}/fork (forkSession)",
      ],
      [],
    ],
  ]);
});

describe("spec:diff on a recursive schema", () => {
  const tree = (extra: object) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1.0.0" },
    paths: {
      "/tree": {
        get: {
          operationId: "getTree",
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Node: {
          type: "object",
          properties: {
            name: { type: "string" },
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
            ...extra,
          },
        },
      },
    },
  });

  it("reports a field removed from it once, at the operation", gateCase, async ({ expect }) => {
    const result = await compareSpecs(tree({ size: { type: "integer" } }), tree({}));
    expect(texts(result.changes)).toEqual(["response field Node.size removed, in GET /tree (getTree) 200"]);
  });
});

describe("spec:diff's version policy", () => {
  it("a breaking change passes when info.version has a new major version", gateCase, async ({ expect }) => {
    const result = await diffFixture("major-bump");
    expect(result).toMatchObject({ ok: true, majorBumped: true, baseVersion: "1.0.0", headVersion: "2.0.0" });
    expect(texts(result.breaking)).toEqual(["removed operation DELETE /api/sessions/{id} (deleteSession)"]);
  });
});
