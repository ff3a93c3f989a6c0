// Generated from spec/openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
import type { Schema } from "../src/mock/schema.js";
import type { SessionData } from "./schema.js";

/**
 * The sessions of the spec's `listSessions` example, in the order the example lists them
 * (newest first): the default seed of the mock (`mix-sdk/mock` and `mix-mock`).
 */
export const exampleSessions: readonly SessionData[] = [
  {
    "id": "0c9e5b1d-8a47-4f2b-b3d6-2e8f71a94c05",
    "title": "Write release notes",
    "userMessageCount": 1,
    "assistantMessageCount": 1,
    "toolCallCount": 0,
    "promptTokens": 812,
    "completionTokens": 406,
    "cost": 0.0061,
    "createdAt": "2025-09-11T09:12:40+05:30",
    "firstUserMessage": "Summarise the changes since v1.4."
  },
  {
    "id": "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17",
    "title": "Refactor the billing module",
    "userMessageCount": 4,
    "assistantMessageCount": 4,
    "toolCallCount": 11,
    "promptTokens": 18234,
    "completionTokens": 5120,
    "cost": 0.1342,
    "createdAt": "2025-09-10T18:59:13+05:30",
    "firstUserMessage": "Split invoice.go into smaller files.",
    "workingDirectory": "/home/dev/billing"
  }
];

/** The spec's `SessionData` schema without its descriptions: what the mock checks a seed against. */
export const sessionDataSchema: Schema = {
  "type": "object",
  "required": [
    "id",
    "title",
    "userMessageCount",
    "assistantMessageCount",
    "toolCallCount",
    "promptTokens",
    "completionTokens",
    "cost",
    "createdAt"
  ],
  "properties": {
    "id": {
      "type": "string",
      "format": "uuid"
    },
    "title": {
      "type": "string"
    },
    "userMessageCount": {
      "type": "integer",
      "minimum": 0
    },
    "assistantMessageCount": {
      "type": "integer",
      "minimum": 0
    },
    "toolCallCount": {
      "type": "integer",
      "minimum": 0
    },
    "promptTokens": {
      "type": "integer",
      "minimum": 0
    },
    "completionTokens": {
      "type": "integer",
      "minimum": 0
    },
    "cost": {
      "type": "number",
      "format": "double",
      "minimum": 0
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    },
    "firstUserMessage": {
      "type": "string"
    },
    "workingDirectory": {
      "type": "string"
    }
  }
};
