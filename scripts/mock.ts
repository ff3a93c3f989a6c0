/**
 * `npm run mock`: the Mix API mock for frontend development. Stateful by default: an in-memory
 * model of the sessions resource behind `prism proxy`, which checks every request and answer
 * against spec/openapi.yaml. `--help` lists the flags (scripts/lib/mock-options.ts).
 *
 * Runs until SIGINT, SIGTERM or SIGHUP, then stops everything it started; on any other way out
 * (a crash included) scripts/lib/prism.ts stops Prism as the process exits. The npm script
 * runs it with `exec node --import tsx`, so that npm's signal reaches this process: a `sh -c`
 * between them would die on SIGTERM without passing it on, and tsx's own CLI would add one
 * more process.
 */
import { seedSessions } from "../src/mock/seed.ts";
import { parseMockCommand, usage } from "./lib/mock-options.ts";
import { type MockConfig, startMock } from "./lib/mock-stack.ts";

function describe(config: MockConfig): string {
  if (config.mode === "dynamic") return `Prism alone, data generated from the schemas (seed ${config.seed ?? 1})`;
  if (config.mode === "stateless") return "Prism alone, the spec's examples";
  const seed =
    config.sessions === "empty"
      ? "empty"
      : Array.isArray(config.sessions)
        ? "the seed file"
        : "the spec's example sessions";
  return `stateful, seeded with ${seed}, behind prism proxy${config.quirks ? ", with the real server's quirks" : ""}`;
}

function hints(config: MockConfig, url: string): string {
  if (config.mode !== "stateful")
    return 'Pick a documented response with a Prefer header, e.g. "Prefer: code=404" or "Prefer: code=400, example=badRequest".';
  return `POST ${url}/__mock/reset restores the seed; GET ${url}/__mock/sessions shows the store.
Prism checks every request and answer; a violation shows in the sl-violations header and here.`;
}

const command = parseMockCommand(process.argv.slice(2), process.env);
if ("help" in command) {
  console.log(usage);
  process.exit(0);
}
if ("error" in command) {
  console.error(`mock: ${command.error}\n${usage}`);
  process.exit(2);
}
const { config } = command;
try {
  if (Array.isArray(config.sessions)) seedSessions(config.sessions);
} catch (error) {
  console.error(`mock: --seed-file: ${(error as Error).message}`);
  process.exit(2);
}

console.log(`Starting the Mix API mock (${describe(config)})...`);
const startup = new AbortController();
const starting = startMock({ ...config, log: (line) => console.log(line), signal: startup.signal });
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\nmock: ${signal} received, stopping...`);
  // During startup, stop what has started (Prism may be running already) instead of exiting past it.
  startup.abort(new Error(`${signal} during startup`));
  const mock = await starting.catch(() => undefined);
  await mock?.stop();
  process.exit(0);
}
// SIGHUP (the terminal closed) would otherwise end this process without its 'exit' event.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));

const mock = await starting.catch((error: Error) => {
  if (stopping) return undefined;
  console.error(`mock: did not start: ${error.message.trim().split("\n").at(-1)}`);
  process.exit(1);
});
if (mock && !stopping)
  console.log(`
Mix API mock listening on ${mock.url}  (CORS open to any origin; Ctrl-C stops it)
Behind it: Prism on ${mock.prism.url} (pid ${mock.prism.pid})${mock.modelURL ? `, the model on ${mock.modelURL}` : ""}; mock pid ${process.pid}.
${hints(config, mock.url)}
`);
