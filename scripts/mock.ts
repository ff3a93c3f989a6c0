/**
 * `npm run mock`: the Mix API mock for frontend development. Stateful by default: an in-memory
 * model of the sessions resource behind `prism proxy`, which checks every request and answer
 * against spec/openapi.yaml. `--help` lists the flags (scripts/lib/mock-options.ts).
 *
 * Runs until SIGINT or SIGTERM, then stops everything it started. The npm script runs it with
 * `exec node --import tsx`, so that npm's signal reaches this process: a `sh -c` between them
 * would die on SIGTERM without passing it on, and tsx's own CLI would add one more process.
 */
import { seedSessions } from "../src/mock/seed.ts";
import { parseMockCommand, usage } from "./lib/mock-options.ts";
import { type MockConfig, type RunningMock, startMock } from "./lib/mock-stack.ts";

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
let mock: RunningMock | undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\nmock: ${signal} received, stopping...`);
  await mock?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  mock = await startMock({ ...config, log: (line) => console.log(line) });
} catch (error) {
  console.error(`mock: did not start: ${(error as Error).message.trim().split("\n").at(-1)}`);
  process.exit(1);
}
if (stopping) await mock.stop();
console.log(`
Mix API mock listening on ${mock.url}  (CORS open to any origin; Ctrl-C stops it)
Behind it: Prism on ${mock.prism.url} (pid ${mock.prism.pid})${mock.modelURL ? `, the model on ${mock.modelURL}` : ""}; mock pid ${process.pid}.
${hints(config, mock.url)}
`);
