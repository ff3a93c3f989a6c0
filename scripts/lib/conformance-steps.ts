/**
 * The conformance check's requests: the six operations driven through the SDK against Prism
 * proxy, in the order a user would call them, plus the calls on a deleted id that the spec
 * says answer 404. Each step is recorded three ways: what Prism answered the SDK, what the
 * server itself sent (from the tap), and what the SDK makes of the server's own answer.
 */
import { randomUUID } from "node:crypto";
import { operationIds, type sessionOperations } from "../../generated/operations.ts";
import { Mix, MixError } from "../../src/index.ts";
import type { Tap, TappedExchange } from "./tap.ts";

/** A method of `mix.sessions`. */
export type OperationName = keyof typeof sessionOperations;

/** The ids the steps pass along. `madeUp` is set when no session could be created. */
type State = { id: string; madeUp: boolean; forkId?: string };

type Step = {
  title: string;
  operation: OperationName;
  /** The status a server that follows the spec answers here. */
  expect: (state: State) => number;
  /** Runs the step only when this holds (default: always). */
  when?: (state: State) => boolean;
  call: (mix: Mix, state: State) => Promise<unknown>;
  /** Keeps what a successful call returned for the following steps. */
  after?: (result: unknown, state: State) => void;
};

/** What one SDK call did: the value it returned, or the error it threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string; status?: number };

/** One answer Prism gave the SDK. */
export type PrismExchange = {
  method: string;
  url: string;
  status: number;
  contentType: string;
  /** Prism's `sl-violations` header, parsed; [] when absent. */
  violations: Violation[];
  body: string;
};

/** A violation as Prism reports it, in `sl-violations` or a problem+json `validation` list. */
export type Violation = { location?: string[]; severity?: string; code?: string; message: string };

/** Everything recorded for one step. */
export type StepRecord = {
  title: string;
  operation: OperationName;
  operationId: string;
  expected: number;
  /** Prism's answer to the SDK; undefined when the SDK sent nothing. */
  exchange?: PrismExchange;
  /** The server's own answer; undefined when Prism did not forward the request. */
  upstream?: TappedExchange;
  viaPrism: Outcome;
  /** The SDK on the server's own answer (replayed without Prism); undefined without one. */
  direct?: Outcome;
  /** Set when this step used a made-up id because no session could be created. */
  madeUpId?: string;
};

const sessionId = (result: unknown) => (result as { id?: unknown } | undefined)?.id;
const adopt = (result: unknown, state: State) => {
  if (typeof sessionId(result) === "string") state.id = sessionId(result) as string;
};
/** A live session's step expects `status`; with a made-up id, the documented 404. */
const live = (status: number) => (state: State) => (state.madeUp ? 404 : status);

const steps: Step[] = [
  {
    title: "list the sessions before creating one",
    operation: "list",
    expect: () => 200,
    call: (m) => m.sessions.list(),
  },
  {
    title: "create a session without a title (the spec makes it optional)",
    operation: "create",
    expect: () => 201,
    call: (m) => m.sessions.create(),
    after: adopt,
  },
  {
    title: "create a session with a title",
    operation: "create",
    when: (s) => !s.id,
    expect: () => 201,
    call: (m) => m.sessions.create({ title: "mix-sdk conformance check" }),
    after: adopt,
  },
  { title: "get the session", operation: "get", expect: live(200), call: (m, s) => m.sessions.get({ id: s.id }) },
  { title: "list the sessions", operation: "list", expect: () => 200, call: (m) => m.sessions.list() },
  {
    title: "fork the session at message 1",
    operation: "fork",
    expect: live(201),
    call: (m, s) => m.sessions.fork({ id: s.id, messageIndex: 1 }),
    after: (result, s) => {
      if (typeof sessionId(result) === "string") s.forkId = sessionId(result) as string;
    },
  },
  {
    title: "cancel processing in the session",
    operation: "cancelProcessing",
    expect: live(200),
    call: (m, s) => m.sessions.cancelProcessing({ id: s.id }),
  },
  {
    title: "delete the fork",
    operation: "delete",
    when: (s) => s.forkId !== undefined,
    expect: () => 204,
    call: (m, s) => m.sessions.delete({ id: s.forkId ?? "" }),
  },
  {
    title: "delete the session",
    operation: "delete",
    expect: live(204),
    call: (m, s) => m.sessions.delete({ id: s.id }),
  },
  {
    title: "get the deleted session",
    operation: "get",
    expect: () => 404,
    call: (m, s) => m.sessions.get({ id: s.id }),
  },
  {
    title: "fork the deleted session",
    operation: "fork",
    expect: () => 404,
    call: (m, s) => m.sessions.fork({ id: s.id, messageIndex: 1 }),
  },
  {
    title: "cancel processing in the deleted session",
    operation: "cancelProcessing",
    expect: () => 404,
    call: (m, s) => m.sessions.cancelProcessing({ id: s.id }),
  },
  {
    title: "delete the deleted session",
    operation: "delete",
    expect: () => 404,
    call: (m, s) => m.sessions.delete({ id: s.id }),
  },
];

function parseViolations(text: string | null): Violation[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [{ message: text }];
  } catch {
    return [{ message: text }];
  }
}

/** A fetch for the SDK that records Prism's answers (the SDK calls it as `fetch(request)`). */
function recordingFetch(exchanges: PrismExchange[]) {
  return async (request: Request): Promise<Response> => {
    const response = await fetch(request);
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      violations: parseViolations(response.headers.get("sl-violations")),
      body: await response.clone().text(),
    });
    return response;
  };
}

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const { name, message } = error as Error;
    return { ok: false, name, message, ...(error instanceof MixError ? { status: error.statusCode } : {}) };
  }
}

/** Replays the server's own answer to the SDK, so the report can show what the SDK makes of it. */
function replay(step: Step, state: State, upstream: TappedExchange): Promise<Outcome> | undefined {
  if (upstream.status === undefined) return undefined;
  const { status, body = "", contentType = "" } = upstream;
  const answer = () =>
    new Response([101, 204, 205, 304].includes(status) ? null : body, {
      status,
      headers: { "content-type": contentType },
    });
  const mix = new Mix({
    serverURL: "http://replay.invalid",
    retryConfig: { strategy: "none" },
    fetch: async () => answer(),
  });
  return outcomeOf(() => step.call(mix, state));
}

async function runStep(step: Step, state: State, mix: Mix, tap: Tap, exchanges: PrismExchange[]): Promise<StepRecord> {
  const [sentBefore, tappedBefore] = [exchanges.length, tap.exchanges.length];
  const expected = step.expect(state);
  const viaPrism = await outcomeOf(() => step.call(mix, state));
  const upstream = tap.exchanges[tappedBefore];
  const direct = upstream ? await replay(step, state, upstream) : undefined;
  if (viaPrism.ok) step.after?.(viaPrism.value, state);
  const operationId = operationIds[step.operation];
  return {
    title: step.title,
    operation: step.operation,
    operationId,
    expected,
    exchange: exchanges[sentBefore],
    upstream,
    viaPrism,
    direct,
  };
}

/**
 * Runs every step through the SDK against `prismURL` (Prism proxying to the tap) and records
 * them. When no session can be created, a made-up UUID stands in, so every operation is still
 * called; the steps then expect 404.
 */
export async function runSteps(prismURL: string, tap: Tap): Promise<StepRecord[]> {
  const exchanges: PrismExchange[] = [];
  const mix = new Mix({
    serverURL: prismURL,
    retryConfig: { strategy: "none" },
    timeoutMs: 30_000,
    fetch: recordingFetch(exchanges),
  });
  const state: State = { id: "", madeUp: false };
  const records: StepRecord[] = [];
  for (const step of steps) {
    if (step.when && !step.when(state)) continue;
    let madeUpId: string | undefined;
    if (!state.id && step.operation !== "list" && step.operation !== "create") {
      madeUpId = state.id = randomUUID();
      state.madeUp = true;
    }
    const record = await runStep(step, state, mix, tap, exchanges);
    records.push(madeUpId ? { ...record, madeUpId } : record);
  }
  return records;
}
