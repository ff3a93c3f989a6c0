#!/usr/bin/env node
/**
 * `mix-mock` (`npx mix-mock` where mix-sdk is installed, `npm run mock` here): the Mix API mock
 * for frontend development. Stateful by default: an in-memory model of the sessions resource,
 * behind `prism proxy`, which checks every request and answer against spec/openapi.yaml, when
 * `@stoplight/prism-cli` is installed; the model alone when it is not. `--help` lists the flags
 * (scripts/lib/mock-options.ts). `npm run build` bundles this file into dist/mix-mock.js.
 *
 * Runs until SIGINT, SIGTERM or SIGHUP, then stops everything it started; on any other way out
 * (a crash included) scripts/lib/prism.ts stops Prism as the process exits. If Prism stops and
 * cannot be started again, the mock stops too, with exit code 1 and the reason. The npm script
 * runs it with `exec node --import tsx`, so that npm's signal reaches this process: a `sh -c`
 * between them would die on SIGTERM without passing it on, and tsx's own CLI would add one
 * more process.
 */
import { fileURLToPath } from "node:url";
import { parseMockCommand, usage } from "./lib/mock-options.ts";
import { type MockConfig, type RunningMock, startMock } from "./lib/mock-stack.ts";
import { findPrism, prismInstall } from "./lib/prism.ts";

/** The spec beside this program: ../spec/openapi.yaml from scripts/ here, and from dist/ in the package. */
const spec = fileURLToPath(new URL("../spec/openapi.yaml", import.meta.url));

function describe(config: MockConfig, checked: boolean): string {
  if (config.mode === "dynamic") return `Prism alone, data generated from the schemas (seed ${config.seed ?? 1})`;
  if (config.mode === "stateless") return "Prism alone, the spec's examples";
  const seed =
    config.sessions === "empty"
      ? "empty"
      : Array.isArray(config.sessions)
        ? "the seed file"
        : "the spec's example sessions";
  const quirks = config.quirks ? ", with the real server's quirks" : "";
  return `stateful, seeded with ${seed}${checked ? ", behind prism proxy" : ""}${quirks}`;
}

function hints(config: MockConfig, mock: RunningMock): string {
  if (config.mode !== "stateful")
    return 'Pick a documented response with a Prefer header, e.g. "Prefer: code=404" or "Prefer: code=400, example=badRequest".';
  const checks = mock.prism
    ? "Prism checks every request and answer; a violation shows in the sl-violations header and here."
    : `Nothing is checked against the spec: @stoplight/prism-cli is not installed. To check every request and answer:\n  ${prismInstall}`;
  return `POST ${mock.url}/__mock/reset restores the seed; GET ${mock.url}/__mock/sessions shows the store.
"Prefer: code=503" or "Prefer: delay=2000" on a request rehearses an error or a slow answer.
${checks}`;
}

function behind(mock: RunningMock): string {
  const prism = mock.prism ? `Prism on ${mock.prism.url} (pid ${mock.prism.pid})` : "";
  const model = mock.modelURL ? `, the model on ${mock.modelURL}` : mock.prism ? "" : "the model, unchecked";
  return `Behind it: ${prism}${model}; mock pid ${process.pid}.`;
}

const command = parseMockCommand(process.argv.slice(2), process.env);
if ("help" in command) {
  console.log(usage);
  process.exit(0);
}
if ("error" in command) {
  console.error(`mix-mock: ${command.error}\n${usage}`);
  process.exit(2);
}
const { config } = command;
const checked = findPrism() !== undefined;
if (!checked && config.mode !== "stateful") {
  console.error(
    `mix-mock: --${config.mode} is Prism alone, and @stoplight/prism-cli is not installed:\n  ${prismInstall}`,
  );
  process.exit(2);
}

console.log(`Starting the Mix API mock (${describe(config, checked)})...`);
const startup = new AbortController();
let stopping = false;
const starting = startMock({
  ...config,
  spec,
  log: (line) => console.log(line),
  signal: startup.signal,
  onFatal: (error) => void stop(`mix-mock: ${error.message}`, 1),
});

async function stop(why: string, code: number) {
  if (stopping) return;
  stopping = true;
  console.error(why);
  // During startup, stop what has started (Prism may be running already) instead of exiting past it.
  startup.abort(new Error(why));
  const mock = await starting.catch(() => undefined);
  await mock?.stop();
  process.exit(code);
}
// SIGHUP (the terminal closed) would otherwise end this process without its 'exit' event.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => void stop(`\nmix-mock: ${signal} received, stopping...`, 0));

const mock = await starting.catch((error: Error) => {
  if (stopping) return undefined;
  console.error(`mix-mock: did not start: ${error.message.trim().split("\n").at(-1)}`);
  process.exit(1);
});
if (mock && !stopping)
  console.log(`
Mix API mock listening on ${mock.url}  (CORS open to any origin; Ctrl-C stops it)
${behind(mock)}
${hints(config, mock)}
`);
