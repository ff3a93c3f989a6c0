/**
 * The gate's judging stage: rules on each subject with direction-aware rules (parameters.ts,
 * media.ts, responses.ts, schema.ts), from the values the subject carries. Redocly's own rating
 * is used only for what these rules do not cover (security, callbacks, recursive components).
 */
import type { Sides, Subject, Verdict } from "../model.ts";
import { judgeRequestBody } from "./media.ts";
import { judgeParameters } from "./parameters.ts";
import { judgeResponses } from "./responses.ts";
import { judgeField, judgeValues } from "./schema.ts";

function judgeOther(subject: Extract<Subject, { type: "other" }>): Verdict[] {
  const { change, op } = subject;
  if (op && change.property === "operationId" && change.kind === "modified") {
    // Generated clients name their methods after it: a renamed operationId renames a method.
    return [{ breaking: true, code: "operation-id", op, before: change.base?.value, after: change.revision?.value }];
  }
  if (op && change.property === "deprecated") {
    return change.revision?.value === true ? [{ breaking: false, code: "deprecated", op }] : [];
  }
  const pointer = (change.revision?.pointer ?? change.base?.pointer ?? change.path).replace(/^#\//, "");
  const what = `${change.typeName} ${change.kind === "modified" ? `${change.property} changed` : change.kind} at ${pointer}`;
  const note = change.verdicts.map((v) => v.message).join(" ") || what;
  return [{ breaking: change.impact === "major", code: "other", op, note }];
}

/** A server URL removed breaks clients that take the spec's server as their default. */
function judgeServers({ before, after }: Sides<string[]>): Verdict[] {
  return [
    ...before
      .filter((url) => !after.includes(url))
      .map((name): Verdict => ({ breaking: true, code: "server-removed", name })),
    ...after
      .filter((url) => !before.includes(url))
      .map((name): Verdict => ({ breaking: false, code: "server-added", name })),
  ];
}

/** The path parameters a renamed path renamed: breaking, like an operationId. */
function judgeRename(subject: Extract<Subject, { type: "path-renamed" }>): Verdict[] {
  // The URL on the wire is the same, but generated clients name the argument after the
  // parameter (and openapi-fetch keys calls by the path template): like an operationId.
  return subject.rename.variables.map(({ before, after }) => ({
    breaking: true,
    code: "parameter-renamed",
    op: subject.op,
    name: `path ${before}`,
    after,
  }));
}

/** Every verdict on one subject (none when nothing a client could notice changed). */
export function judge(subject: Subject): Verdict[] {
  switch (subject.type) {
    case "operation-removed":
      return [{ breaking: true, code: "operation-removed", op: subject.op }];
    case "operation-added":
      return [{ breaking: false, code: "operation-added", op: subject.op }];
    case "parameters":
      return judgeParameters(subject.op, subject.parameters);
    case "request-body":
      return judgeRequestBody(subject.op, subject.requestBody);
    case "responses":
      return judgeResponses(subject.op, subject.responses);
    case "field":
      return judgeField(subject, subject.name);
    case "value":
      return judgeValues(subject);
    case "envelope": {
      const { change } = subject;
      const op = { path: change.path, method: change.method };
      const body = { where: change.where, baseMediaType: change.mediaType, headMediaType: change.mediaType };
      return [{ breaking: true, code: `envelope-${change.change}`, op, body, name: change.key }];
    }
    case "path-renamed":
      return judgeRename(subject);
    case "servers":
      return judgeServers(subject.servers);
    case "other":
      return judgeOther(subject);
  }
}
