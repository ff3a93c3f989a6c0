// A consumer smoke suite run on each runtime by `npm run test:runtimes`: the built SDK
// (dist/index.js) against a Prism mock and a misbehaving server the orchestrator started.
// Plain JavaScript with no test framework, so Node, Bun and Deno run it as it is.
import {
  ConnectionError,
  InvalidRequestError,
  Mix,
  MixDefaultError,
  RESTResponseError,
  RequestAbortedError,
  RequestTimeoutError,
} from "../../dist/index.js";
// The raw entry imports the client by the package's name: a runtime resolves it to dist/index.js
// above (a package may import itself by its name), so both entries share one client.
import { createRawClient } from "../../dist/raw.js";

const env = (name) => globalThis.Deno?.env.get(name) ?? globalThis.process?.env[name];
const prism = env("PRISM_URL");
const faults = env("FAULT_URL");
const refused = env("REFUSED_URL");
const lateURL = env("LATE_URL");
const quick = { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 50, maxElapsedTime: 2000 } };
const failures = [];

async function check(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function rejectsWith(promise, type) {
  const error = await promise.then(
    () => undefined,
    (e) => e,
  );
  assert(error instanceof type, `expected ${type.name}, got ${error?.name ?? "a value"}: ${error?.message ?? ""}`);
  return error;
}

const mix = new Mix({ serverURL: prism, retryConfig: { strategy: "none" } });

await check("all six operations against the Prism mock", async () => {
  const list = await mix.sessions.list();
  assert(Array.isArray(list) && list.length > 0, "list returned no sessions");
  const created = await mix.sessions.create({ title: "smoke" });
  const got = await mix.sessions.get({ id: created.id });
  assert(got.id === created.id, "get returned another session");
  const fork = await mix.sessions.fork({ id: created.id, messageIndex: 1 });
  assert(typeof fork.id === "string", "fork returned no id");
  const cancel = await mix.sessions.cancelProcessing({ id: created.id });
  assert(cancel.cancelled === true, "cancel did not report cancelled");
  assert((await mix.sessions.delete({ id: created.id })) === undefined, "delete returned a value");
});

await check("a documented error is a RESTResponseError", async () => {
  const error = await rejectsWith(
    mix.sessions.get({ id: "x" }, { headers: { Prefer: "code=404" } }),
    RESTResponseError,
  );
  assert(error.statusCode === 404, `status ${error.statusCode}`);
});

await check("mix-sdk/raw calls the mock and refuses an id of '..' with the client's own error class", async () => {
  const raw = createRawClient(mix);
  const { data, response } = await raw.GET("/api/sessions/{id}", { params: { path: { id: "x" } } });
  assert(response.status === 200 && typeof data?.data?.id === "string", `raw answered ${response.status}`);
  await rejectsWith(raw.DELETE("/api/sessions/{id}", { params: { path: { id: ".." } } }), InvalidRequestError);
});

await check("a 503 is retried and the call succeeds", async () => {
  const flaky = new Mix({ serverURL: faults, retryConfig: quick });
  const session = await flaky.sessions.get({ id: "flaky" });
  assert(session.title === "attempt 2", `got ${session.title}`);
});

await check("create is not retried on a 503", async () => {
  const failing = new Mix({ serverURL: faults, retryConfig: quick });
  await rejectsWith(failing.sessions.create({ title: "once" }), MixDefaultError);
  const count = await (await fetch(`${faults}/count?key=POST%20/api/sessions`)).text();
  assert(count === "1", `the server saw ${count} creates`);
});

await check("an attempt that stalls times out", async () => {
  const stalled = new Mix({ serverURL: faults, timeoutMs: 150, retryConfig: { strategy: "none" } });
  const started = Date.now();
  await rejectsWith(stalled.sessions.get({ id: "stall" }), RequestTimeoutError);
  assert(Date.now() - started < 2000, "the timeout took too long");
});

await check("a signal aborts a call in flight", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("stop")), 50);
  const error = await rejectsWith(
    new Mix({ serverURL: faults }).sessions.get({ id: "stall" }, { signal: controller.signal }),
    RequestAbortedError,
  );
  assert(error.cause?.message === "stop", "the abort reason was lost");
});

await check("a refused connection is a ConnectionError", async () => {
  await rejectsWith(
    new Mix({ serverURL: refused, retryConfig: { strategy: "none" } }).sessions.list(),
    ConnectionError,
  );
});

await check("create is retried after a refused connection, and reaches the server once", async () => {
  await fetch(`${faults}/open-late`);
  const retrying = { strategy: "backoff", backoff: { initialInterval: 400, maxInterval: 400, maxElapsedTime: 3000 } };
  const session = await new Mix({ serverURL: lateURL, retryConfig: retrying }).sessions.create({ title: "late" });
  assert(typeof session.id === "string", "create returned no session");
  const count = await (await fetch(`${faults}/late-count`)).text();
  assert(count === "1", `the server saw ${count} creates`);
});

console.log(failures.length ? `${failures.length} check(s) failed` : "all checks passed");
if (failures.length) globalThis.Deno ? Deno.exit(1) : process.exit(1);
