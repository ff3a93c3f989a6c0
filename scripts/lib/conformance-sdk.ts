/**
 * The part of the conformance check that Respect cannot do: what this SDK makes of the server's
 * answers. Respect judges each answer against the spec; it knows nothing of the SDK's tolerance
 * for what the real server sends (data: null for an empty list, cancel's {status, sessionId}).
 * This replays every successful answer Respect recorded through the SDK, with an injected
 * fetch (no request leaves the process), and notes where the SDK returns something other than
 * the body's `data`, or throws.
 */
import { operationIds } from "../../generated/operations.ts";
import { Mix } from "../../src/index.ts";
import type { ArazzoDocument } from "./arazzo.ts";
import { findStep } from "./arazzo.ts";
import type { RespectStep } from "./conformance-respect.ts";

/** A note: allowed by the check, but worth knowing. */
export type Note = { workflowId: string; stepId: string; kind: "sdk tolerance" | "sdk error"; text: string };

type MethodName = keyof typeof operationIds;
type AnyMethod = (params?: unknown) => Promise<unknown>;

const methodOf = new Map(Object.entries(operationIds).map(([name, id]) => [id as string, name as MethodName]));

/** Cuts a value's JSON for a one-line report. */
export function excerpt(value: unknown, limit = 160): string {
  const text = (typeof value === "string" ? value : (JSON.stringify(value) ?? "")).replace(/\s+/g, " ").trim();
  if (text === "") return "(empty body)";
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

/** The SDK's call for a recorded step: the path's id and the request body as its parameters. */
function replay(method: MethodName, step: RespectStep, status: number): Promise<unknown> {
  const body = status === 204 ? null : JSON.stringify(step.body ?? null);
  const mix = new Mix({
    serverURL: "http://replay.invalid",
    retryConfig: { strategy: "none" },
    fetch: async () => new Response(body, { status, headers: { "content-type": "application/json" } }),
  });
  const id = /\/api\/sessions\/([^/]+)/.exec(new URL(step.url).pathname)?.[1];
  const fields = step.requestBody && typeof step.requestBody === "object" ? step.requestBody : {};
  const params =
    id === undefined ? (method === "list" ? undefined : fields) : { id: decodeURIComponent(id), ...fields };
  const call = (mix.sessions as unknown as Record<MethodName, AnyMethod>)[method];
  return params === undefined ? call() : call(params);
}

/** The notes for one step: none unless the server answered it with a success. */
async function notesOf(doc: ArazzoDocument, step: RespectStep): Promise<Note[]> {
  const method = methodOf.get(findStep(doc, step.stepId)?.operationId ?? "");
  const status = step.status;
  if (!method || status === undefined || status < 200 || status >= 300) return [];
  const note = (kind: Note["kind"], text: string) => [{ workflowId: step.workflowId, stepId: step.stepId, kind, text }];
  const data = (step.body as { data?: unknown } | undefined)?.data;
  try {
    const value = await replay(method, step, status);
    if (JSON.stringify(value) === JSON.stringify(data)) return [];
    return note(
      "sdk tolerance",
      `the server sent data ${excerpt(data ?? null)}; mix.sessions.${method} returns ${excerpt(value)}`,
    );
  } catch (error) {
    const { name, message } = error as Error;
    return note(
      "sdk error",
      `on the server's ${status} answer mix.sessions.${method} throws ${name}: ${excerpt(message)}`,
    );
  }
}

/** Replays every successful answer in `steps` through the SDK and returns the notes, in run order. */
export async function sdkNotes(doc: ArazzoDocument, steps: RespectStep[]): Promise<Note[]> {
  const notes: Note[] = [];
  for (const step of steps) notes.push(...(await notesOf(doc, step)));
  return notes;
}
