/**
 * The gate's judging stage: rules on each subject with our own direction-aware rules (see
 * judge-schema.ts, judge-parts.ts, judge-responses.ts). Redocly's own rating is used only for
 * what these rules do not cover (security, servers, callbacks, recursive components).
 */
import { judgeParameters, judgeRequestBody } from "./judge-parts.ts";
import { judgeResponses } from "./judge-responses.ts";
import { judgeField, judgeValues } from "./judge-schema.ts";
import type { Docs, Subject } from "./subjects.ts";
import type { Verdict } from "./verdict.ts";

function judgeOther(subject: Extract<Subject, { type: "other" }>): Verdict[] {
  const { change, op } = subject;
  if (op && change.property === "operationId" && change.kind === "modified") {
    // Generated clients name their methods after it: a renamed operationId renames a method.
    return [{ breaking: true, code: "operation-id", op, before: change.base?.value, after: change.revision?.value }];
  }
  if (op && change.property === "deprecated") {
    return change.revision?.value === true ? [{ breaking: false, code: "deprecated", op }] : [];
  }
  const note = change.verdicts.map((v) => v.message).join(" ");
  return [{ breaking: change.impact === "major", code: "other", op, note, before: change, after: undefined }];
}

/** Every verdict on one subject (none when nothing a client could notice changed). */
export function judge(subject: Subject, docs: Docs): Verdict[] {
  switch (subject.type) {
    case "operation-removed":
      return [{ breaking: true, code: "operation-removed", op: subject.op }];
    case "operation-added":
      return [{ breaking: false, code: "operation-added", op: subject.op }];
    case "parameters":
      return judgeParameters(docs, subject.op);
    case "request-body":
      return judgeRequestBody(docs, subject.op);
    case "responses":
      return judgeResponses(docs, subject.op);
    case "field":
      return judgeField(docs, subject.op, subject.body, subject.at, subject.name);
    case "value":
      return judgeValues(docs, subject.op, subject.body, subject.at);
    case "envelope": {
      const { change } = subject;
      const op = { path: change.path, method: change.method };
      const body = { where: change.where, baseMediaType: change.mediaType, headMediaType: change.mediaType };
      return [{ breaking: true, code: `envelope-${change.change}`, op, body, name: change.key }];
    }
    case "other":
      return judgeOther(subject);
  }
}
