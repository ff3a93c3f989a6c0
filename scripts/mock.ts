/**
 * `npm run mock`: a Prism mock of spec/openapi.yaml for frontend development, with CORS on
 * (Prism's default) and request validation (`--errors`).
 *
 *   npm run mock                              http://127.0.0.1:4010, the spec's examples
 *   npm run mock -- --port 4011 --host 0.0.0.0
 *   npm run mock -- --dynamic [--seed 7]      data generated from the schemas, same seed = same data
 *
 * Environment: MIX_MOCK_PORT and MIX_MOCK_HOST set the defaults; flags win. Runs until SIGINT
 * or SIGTERM, then stops Prism.
 */
import { parseArgs } from "node:util";
import { startPrism } from "./lib/prism.ts";

const usage = "Usage: npm run mock -- [--port N] [--host H] [--dynamic [--seed N]]";

function fail(message: string, code = 2): never {
  console.error(code === 2 ? `mock: ${message}\n${usage}` : `mock: ${message}`);
  process.exit(code);
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535)
    fail(`${source} must be a port from 1 to 65535, got "${value}"`);
  return port;
}

function readFlags() {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        dynamic: { type: "boolean", default: false },
        seed: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const flags = readFlags();
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

const port = flags.port
  ? parsePort(flags.port, "--port")
  : process.env.MIX_MOCK_PORT
    ? parsePort(process.env.MIX_MOCK_PORT, "MIX_MOCK_PORT")
    : 4010;
const host = flags.host || process.env.MIX_MOCK_HOST || "127.0.0.1";
if (flags.seed !== undefined && !flags.dynamic) fail("--seed only applies with --dynamic");
const seed = flags.seed ?? "1";
if (!/^\d+$/.test(seed)) fail(`--seed must be a non-negative integer, got "${seed}"`);

const mode = flags.dynamic ? `dynamic data from the schemas, seed ${seed}` : "the spec's static examples";
console.log(`Starting the Prism mock of spec/openapi.yaml (${mode})...`);
const prism = await startPrism({
  port,
  host,
  // Without fillProperties=false, Prism's faker invents extra keys wherever a schema allows them.
  args: flags.dynamic ? ["--dynamic", "--seed", seed, "--json-schema-faker-fillProperties=false"] : [],
  onLine: (line) => console.log(line),
}).catch((error: Error) => {
  // Prism's own output was already forwarded line by line; its last line says why it stopped.
  const lastLine = error.message.trim().split("\n").at(-1);
  return fail(`Prism did not start: ${lastLine}`, 1);
});

console.log(`
Mix API mock listening on ${prism.url}  (CORS on; Ctrl-C stops it)
Hint: pick a documented response with a Prefer header, e.g. "Prefer: code=404" or
"Prefer: code=400, example=badRequest"${flags.dynamic ? "" : '; "Prefer: dynamic=true" generates data'}.
A request that breaks the spec gets its documented 400 (else 422); the reason is in the sl-violations header.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\nmock: ${signal} received, stopping Prism...`);
  await prism.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// startPrism does not report a later exit; an empty event loop means Prism is gone.
process.once("beforeExit", () => {
  if (stopping) return;
  console.error("mock: Prism exited unexpectedly (see its output above)");
  process.exitCode = 1;
});
