/** The browser test's page script: the SDK, bundled by esbuild, driven from Playwright. */
import { Mix, MixError } from "../../src/index.ts";

type Step = { step: string; ok: boolean; value?: unknown; error?: { name: string; status?: number; message: string } };

async function step(name: string, run: () => Promise<unknown>): Promise<Step> {
  try {
    return { step: name, ok: true, value: await run() };
  } catch (e) {
    const error = e as Error;
    const status = e instanceof MixError ? e.statusCode : undefined;
    return { step: name, ok: false, error: { name: error.name, status, message: error.message } };
  }
}

/** Runs all six operations in order (create, get, list, fork, cancel, delete), then a get of the deleted id. */
async function runAll(serverURL: string): Promise<Step[]> {
  const mix = new Mix({ serverURL, retryConfig: { strategy: "none" }, timeoutMs: 5000 });
  const steps: Step[] = [];
  const created = await step("create", () => mix.sessions.create({ title: "From the browser" }));
  steps.push(created);
  const id = (created.value as { id?: string } | undefined)?.id ?? "missing";
  steps.push(await step("get", () => mix.sessions.get({ id })));
  steps.push(await step("list", () => mix.sessions.list()));
  steps.push(await step("fork", () => mix.sessions.fork({ id, messageIndex: 1 })));
  steps.push(await step("cancelProcessing", () => mix.sessions.cancelProcessing({ id })));
  steps.push(await step("delete", () => mix.sessions.delete({ id })));
  return steps;
}

/** One get with extra per-call headers, to see what the server's CORS rules allow. */
async function getWithHeaders(serverURL: string, id: string, headers: Record<string, string>): Promise<Step> {
  const mix = new Mix({ serverURL, retryConfig: { strategy: "none" }, timeoutMs: 5000 });
  return step("get", () => mix.sessions.get({ id }, { headers }));
}

Object.assign(globalThis, { runAll, getWithHeaders });
