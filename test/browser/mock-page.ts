/** The service-worker test's page script: mix-sdk/mock's handlers in MSW's browser worker, the SDK on top. */
import { setupWorker } from "msw/browser";
import { Mix, MixError } from "../../src/index.ts";
import { createMixMock } from "../../src/mock/index.ts";

type Step = { step: string; ok: boolean; value?: unknown; status?: number; message?: string };

const mock = createMixMock();
const worker = setupWorker(...mock.handlers);

async function step(name: string, run: () => Promise<unknown>): Promise<Step> {
  try {
    return { step: name, ok: true, value: await run() };
  } catch (e) {
    const status = e instanceof MixError ? e.statusCode : undefined;
    return { step: name, ok: false, status, message: (e as Error).message };
  }
}

let started: Promise<boolean> | undefined;

/**
 * Starts the worker (registering /mockServiceWorker.js) and says whether it controls the page.
 * Once: each test calls it, so none depends on another having run.
 */
function startMock(): Promise<boolean> {
  started ??= worker
    .start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true })
    .then(() => navigator.serviceWorker.controller !== null);
  return started;
}

/** A UI's flow from the seed: create, list, get, fork, cancel, delete, then get the deleted session. */
async function runFlow(serverURL: string): Promise<Step[]> {
  mock.reset();
  const mix = new Mix({ serverURL, retryConfig: { strategy: "none" }, timeoutMs: 5000 });
  const created = await step("create", () => mix.sessions.create({ title: "From the service worker" }));
  const id = (created.value as { id?: string } | undefined)?.id ?? "missing";
  const steps = [created, await step("list", () => mix.sessions.list())];
  steps.push(await step("get", () => mix.sessions.get({ id })));
  steps.push(await step("fork", () => mix.sessions.fork({ id, messageIndex: 1, title: "Fork" })));
  steps.push(await step("cancelProcessing", () => mix.sessions.cancelProcessing({ id })));
  steps.push(await step("delete", () => mix.sessions.delete({ id })));
  steps.push(await step("get deleted", () => mix.sessions.get({ id })));
  return steps;
}

Object.assign(globalThis, { startMock, runFlow, storedTitles: () => mock.sessions().map((s) => s.title) });
