/**
 * `npm run demo`: the six session operations and one documented error, called through the SDK
 * and printed readably.
 *
 * Talks to `MIX_SERVER_URL` when it is set; otherwise starts the stateful mock (`npm run mock`'s
 * default: the model behind prism proxy) on a free port and stops it at the end. Exits 0 when every step behaved as expected, 1 with
 * a message naming the failed step otherwise.
 */
import { Mix, MixError, RESTResponseError, type SessionData } from "../src/index.ts";
import { type RunningMock, startMock } from "./lib/mock-stack.ts";

function isSession(value: unknown): value is SessionData {
  return typeof value === "object" && value !== null && "id" in value && "createdAt" in value;
}

/** One line per session: id, title, counts, tokens, cost and creation time. */
function renderSession(s: SessionData): string {
  const counts = `${s.userMessageCount} user / ${s.assistantMessageCount} assistant msgs, ${s.toolCallCount} tool calls`;
  const tokens = `${s.promptTokens}+${s.completionTokens} tokens`;
  return `${s.id}  ${JSON.stringify(s.title)}  ${counts}, ${tokens}, $${s.cost}, created ${s.createdAt}`;
}

function render(result: unknown): string {
  if (result === undefined) return "undefined (204 No Content)";
  if (isSession(result)) return renderSession(result);
  if (Array.isArray(result)) {
    const lines = result.map((s) => `\n      - ${isSession(s) ? renderSession(s) : JSON.stringify(s)}`);
    return `${result.length} session(s)${lines.join("")}`;
  }
  return JSON.stringify(result);
}

function renderError(error: unknown): string {
  if (error instanceof MixError)
    return `${error.name} statusCode=${error.statusCode} message=${JSON.stringify(error.message)}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one step, prints the call and its result; a failure names the step and stops the demo. */
async function step<T>(operation: string, call: string, run: () => Promise<T>): Promise<T> {
  console.log(`\n${operation}\n  ${call}`);
  try {
    const result = await run();
    console.log(`  -> ${render(result)}`);
    return result;
  } catch (error) {
    throw new Error(`${operation} failed: ${renderError(error)}`, { cause: error });
  }
}

async function demo(mix: Mix): Promise<void> {
  await step("listSessions", "mix.sessions.list()", () => mix.sessions.list());
  const created = await step("createSession", 'mix.sessions.create({ title: "SDK demo" })', () =>
    mix.sessions.create({ title: "SDK demo" }),
  );
  const id = created.id;
  if (created.title !== "SDK demo")
    throw new Error(`createSession returned the title ${JSON.stringify(created.title)}`);
  const got = await step("getSession", `mix.sessions.get({ id: "${id}" })`, () => mix.sessions.get({ id }));
  if (got.id !== id) throw new Error(`getSession returned another session: ${render(got)}`);
  const fork = await step(
    "forkSession",
    `mix.sessions.fork({ id: "${id}", messageIndex: 1, title: "Demo fork" })`,
    () => mix.sessions.fork({ id, messageIndex: 1, title: "Demo fork" }),
  );
  await step("cancelSessionProcessing", `mix.sessions.cancelProcessing({ id: "${id}" })`, () =>
    mix.sessions.cancelProcessing({ id }),
  );
  await step("deleteSession", `mix.sessions.delete({ id: "${fork.id}" })`, () => mix.sessions.delete({ id: fork.id }));
  await step("deleteSession", `mix.sessions.delete({ id: "${id}" })`, () => mix.sessions.delete({ id }));

  const call = `mix.sessions.get({ id: "${id}" })`;
  console.log(`\ngetSession of the deleted session, a documented error\n  ${call}`);
  const error = await mix.sessions.get({ id }).then(
    (session) => new Error(`getSession of a deleted session returned ${render(session)}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof RESTResponseError) || error.statusCode !== 404) {
    throw new Error(`getSession did not throw RESTResponseError 404: ${renderError(error)}`, { cause: error });
  }
  console.log(`  -> throws ${renderError(error)}`);
}

let mock: RunningMock | undefined;
try {
  let serverURL = process.env.MIX_SERVER_URL;
  if (!serverURL) {
    mock = await startMock({ port: 0 });
    serverURL = mock.url;
  }
  console.log(
    `Mix SDK demo against ${serverURL}${mock ? " (the stateful mock, checked by prism proxy)" : " (MIX_SERVER_URL)"}`,
  );
  // Fail within seconds when the server is down, instead of retrying for the spec's 10 minutes.
  const mix = new Mix({
    serverURL,
    timeoutMs: 10_000,
    retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 5_000 } },
  });
  await demo(mix);
  console.log("\nAll six operations and the documented error behaved as expected.");
} catch (error) {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await mock?.stop();
}
