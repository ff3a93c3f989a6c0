/**
 * The gate's rules where a mature checker (oasdiff) judges otherwise than the gate once did, on
 * fixture pairs of their own (test/fixtures/spec-diff/rules/): defaults, oneOf exclusivity,
 * variants added, enums with lengths, deepObject parameters, response media types. Each rule
 * is tried where it applies: a parameter in each location, a request, a response, a header, and
 * a component that several operations use in both directions.
 */
import { describe } from "vitest";
import { expectLines } from "../helpers/spec-diff.ts";

const list = "GET /api/sessions (listSessions)";
const get = "GET /api/sessions/{id} (getSession)";
const inputs = "POST /api/sessions (createSession) request body; PUT /api/sessions/{id} (replaceSession) request body";
/** Where a Session field is: the list, and the Session response (JSON and XML) of three operations. */
const sessions = (field: string) =>
  [
    `${list} 200 at data[].${field}`,
    "POST /api/sessions (createSession) 201, 201 (application/xml)",
    `${get} 200, 200 (application/xml)`,
    "PUT /api/sessions/{id} (replaceSession) 200, 200 (application/xml)",
  ].join("; ");
const leftOut = "(what a client that leaves it out gets)";
const oneOf = "a oneOf takes a value only when exactly one of its variants matches";

describe("a default is what a client that leaves a value out gets: a new one breaks it", () => {
  expectLines(
    [
      ["query-default-changed", [`query parameter limit: default 20 -> 50 ${leftOut}, in ${list}`], []],
      ["query-default-added", [`query parameter status: default (none) -> archived ${leftOut}, in ${list}`], []],
      ["query-default-removed", [`query parameter view: default full -> (none) ${leftOut}, in ${get}`], []],
      ["header-default-changed", [`header parameter X-Sort: default newest -> oldest ${leftOut}, in ${list}`], []],
      ["cookie-default-changed", [`cookie parameter theme: default light -> dark ${leftOut}, in ${list}`], []],
      [
        "path-default-added",
        [],
        [
          `path parameter id: default (none) -> latest (required: every client sends it), in ${get}; PUT /api/sessions/{id} (replaceSession)`,
        ],
      ],
      [
        "request-field-default-changed",
        [`request field SessionInput.mode: default chat -> agent ${leftOut}, in ${inputs}`],
        [],
      ],
      [
        "request-required-field-default-added",
        [],
        [
          `request field SessionInput.title: default (none) -> Untitled (required: every client sends it), in ${inputs}`,
        ],
      ],
      [
        "response-field-default-changed",
        [
          `response field Session.pinned: default false -> true (what a client assumes when it is missing), in ${sessions("pinned")}`,
        ],
        [],
      ],
      [
        "response-header-default-changed",
        [`response 200 header x-page-size: default 20 -> 50 (what a client assumes when it is missing), in ${list}`],
        [],
      ],
    ],
    "rules/",
  );
});

describe("a oneOf takes a value only when exactly one variant matches", () => {
  expectLines(
    [
      [
        "request-oneof-both-match",
        [
          `response field Session.attachment: variant Link: an object with url, label -> an object requiring url or an object requiring label, in ${sessions("attachment")}`,
          `request field SessionInput.attachment: variant Link: an object with url, label -> an object requiring url or an object requiring label (a value can now match more than one variant, and ${oneOf}), in ${inputs}`,
        ],
        [],
      ],
      [
        "request-anyof-to-oneof",
        [
          `request field SessionInput.attachment: anyOf -> oneOf (counted as breaking: ${oneOf}, and nothing shows that these variants exclude each other), in ${inputs}`,
        ],
        [`response field Session.attachment: anyOf -> oneOf, in ${sessions("attachment")}`],
      ],
      [
        "oneof-variant-added-exclusive",
        [`response field Session.origin: variants added: "api", in ${sessions("origin")}`],
        [`request field SessionInput.origin: variants added: "api", in ${inputs}`],
      ],
      [
        "oneof-variant-added-overlapping",
        [
          `response field Session.origin: variants added: a string, in ${sessions("origin")}`,
          `request field SessionInput.origin: variants added: a string (a value can now match more than one variant, and ${oneOf}), in ${inputs}`,
        ],
        [],
      ],
    ],
    "rules/",
  );
});

describe("a variant added beside type: object widens a request and breaks a response", () => {
  expectLines(
    [
      [
        "anyof-variant-added",
        [`response field Session.attachment: variants added: Snippet, in ${sessions("attachment")}`],
        [`request field SessionInput.attachment: variants added: Snippet, in ${inputs}`],
      ],
    ],
    "rules/",
  );
});

describe("an enum value its own minLength rules out is no value", () => {
  expectLines(
    [
      ["enum-parameter-min-length-lowered", [], [`query parameter status: minLength 6 -> 5, in ${list}`]],
      ["enum-parameter-min-length-raised", [`query parameter status: minLength 6 -> 9, in ${list}`], []],
    ],
    "rules/",
  );
});

describe("a deepObject parameter's properties travel as text", () => {
  expectLines(
    [
      [
        "deep-object-number-to-string",
        [],
        [`query parameter filter: property cost: type number -> string, in ${list}`],
      ],
      [
        "deep-object-string-to-number",
        [`query parameter filter: property title: type string -> number, in ${list}`],
        [],
      ],
    ],
    "rules/",
  );
});

describe("a response media type removed breaks a client that asks for it", () => {
  expectLines(
    [
      [
        "response-media-type-removed",
        [
          "response 201 no longer application/xml, in POST /api/sessions (createSession)",
          `response 200 no longer application/xml, in ${get}; PUT /api/sessions/{id} (replaceSession)`,
        ],
        [],
      ],
    ],
    "rules/",
  );
});
