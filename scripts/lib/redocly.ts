import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const root = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the Redocly CLI with telemetry off, from the repository root; returns its exit status and output. */
export function runRedocly(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [redoclyBin, ...args], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
