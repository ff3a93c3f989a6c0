import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkFailRate, type Latency } from "../../src/mock/faults.ts";
import { MockSeedError, seedSessions } from "../../src/mock/seed.ts";
import type { MockConfig } from "./mock-stack.ts";

/** The usage text of `mix-mock` (`npm run mock` in this repository). */
export const usage = `Usage: npx mix-mock [--port N] [--host H] [--seed-file sessions.json | --empty]
       [--latency MS | MIN-MAX] [--fail-rate 0..1 [--fail-status 429,500,503]] [--quirks]
       [--stateless | --dynamic [--seed N]] [--quiet]
Each flag has a MIX_MOCK_* variable (MIX_MOCK_PORT, MIX_MOCK_SEED_FILE, MIX_MOCK_QUIRKS=1, ...); flags win.
A request may ask for "Prefer: code=<4XX|5XX>" and "Prefer: delay=<ms>".`;

/** The parsed command line: a config to start, help, or a usage error. */
export type MockCommand = { config: MockConfig } | { help: true } | { error: string };

/** The flags of `mix-mock`, each with a MIX_MOCK_* variable named after it. */
export const flags = {
  port: { type: "string" },
  host: { type: "string" },
  "seed-file": { type: "string" },
  empty: { type: "boolean" },
  latency: { type: "string" },
  "fail-rate": { type: "string" },
  "fail-status": { type: "string" },
  quirks: { type: "boolean" },
  quiet: { type: "boolean" },
  stateless: { type: "boolean" },
  dynamic: { type: "boolean" },
  seed: { type: "string" },
  help: { type: "boolean" },
} as const;

type Values = Record<keyof typeof flags, string | boolean | undefined>;

class UsageError extends Error {}

/** A flag's value, else its MIX_MOCK_* variable (MIX_MOCK_FAIL_RATE for --fail-rate). */
function value(values: Values, env: NodeJS.ProcessEnv, name: keyof typeof flags): string | boolean | undefined {
  if (values[name] !== undefined) return values[name];
  const fromEnv = env[`MIX_MOCK_${name.toUpperCase().replace(/-/g, "_")}`];
  if (fromEnv === undefined || fromEnv === "") return undefined;
  return flags[name].type === "boolean" ? !["0", "false", "no"].includes(fromEnv.toLowerCase()) : fromEnv;
}

function whole(text: string, what: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max)
    throw new UsageError(`${what} must be a whole number up to ${max}, got "${text}"`);
  return n;
}

function latencyOf(text: string): Latency {
  const [min, max, extra] = text.split("-");
  if (extra !== undefined || min === undefined) throw new UsageError(`--latency must be MS or MIN-MAX, got "${text}"`);
  if (max === undefined) return whole(min, "--latency");
  const range: Latency = [whole(min, "--latency"), whole(max, "--latency")];
  if (range[0] > range[1]) throw new UsageError(`--latency MIN-MAX needs MIN <= MAX, got "${text}"`);
  return range;
}

function failRateOf(text: string): number {
  try {
    return checkFailRate(text.trim() === "" ? Number.NaN : Number(text)) ?? 0;
  } catch {
    throw new UsageError(`--fail-rate must be a number from 0 to 1, got "${text}"`);
  }
}

function failStatusOf(text: string): number[] {
  const statuses = text.split(",").map((part) => part.trim());
  const bad = statuses.find((s) => !/^[45]\d\d$/.test(s));
  if (bad !== undefined) throw new UsageError(`--fail-status must list statuses from 400 to 599, got "${bad}"`);
  return statuses.map(Number);
}

/**
 * Reads a seed file and checks it against the spec's SessionData schema, so that a bad seed
 * stops the mock at start, naming the file, the session's index and the field.
 */
function seedFileOf(path: string): MockConfig["sessions"] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--seed-file ${path}: ${(error as Error).message}`);
  }
  // A saved list answer ({"data": [...]}) works as well as a bare array.
  const sessions = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(sessions))
    throw new UsageError(`--seed-file ${path}: expected an array of sessions or {"data": [...]}`);
  try {
    return seedSessions(sessions);
  } catch (error) {
    if (!(error instanceof MockSeedError)) throw error;
    const field = error.field ? `, field ${error.field}` : "";
    throw new UsageError(`--seed-file ${path}: session ${error.index}${field}: ${error.problem}`);
  }
}

function modeOf(v: (name: keyof typeof flags) => string | boolean | undefined): MockConfig["mode"] {
  const mode = v("dynamic") ? "dynamic" : v("stateless") ? "stateless" : "stateful";
  if (v("seed") !== undefined && mode !== "dynamic") throw new UsageError("--seed only applies with --dynamic");
  if (mode !== "stateful") {
    const stateOnly = (["seed-file", "empty", "quirks"] as const).filter((name) => v(name));
    if (stateOnly.length) throw new UsageError(`--${stateOnly[0]} needs the stateful mock (not --${mode})`);
  }
  if (v("seed-file") && v("empty")) throw new UsageError("--seed-file and --empty exclude each other");
  return mode;
}

/** Reads `mix-mock`'s flags, with MIX_MOCK_* variables as defaults. */
export function parseMockCommand(args: string[], env: NodeJS.ProcessEnv): MockCommand {
  try {
    const values = parseArgs({ args, options: flags, strict: true }).values as Values;
    if (values.help) return { help: true };
    const v = (name: keyof typeof flags) => value(values, env, name);
    const mode = modeOf(v);
    const config: MockConfig = {
      mode,
      port: 4010,
      host: String(v("host") ?? "127.0.0.1"),
      quirks: Boolean(v("quirks")),
    };
    if (v("quiet")) config.quiet = true;
    if (v("port") !== undefined) config.port = whole(String(v("port")), "--port", 65535);
    if (v("seed") !== undefined) config.seed = whole(String(v("seed")), "--seed");
    if (v("latency") !== undefined) config.latency = latencyOf(String(v("latency")));
    if (v("fail-rate") !== undefined) config.failRate = failRateOf(String(v("fail-rate")));
    if (v("fail-status") !== undefined) config.failStatus = failStatusOf(String(v("fail-status")));
    if (config.failStatus && config.failRate === undefined) throw new UsageError("--fail-status needs --fail-rate");
    if (v("empty")) config.sessions = "empty";
    if (v("seed-file") !== undefined) config.sessions = seedFileOf(String(v("seed-file")));
    return { config };
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
      return { error: (error as Error).message };
    throw error;
  }
}
