/** Lints spec/openapi.yaml with Redocly under redocly.yaml; fails on any error or warning. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { specPath } from "./lib/spec.ts";

const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/** Runs `redocly lint` on a spec (default: ours) and returns its exit code and output. */
export function lintSpec(path: string = specPath): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [redoclyBin, "lint", path, "--format", "stylish"], {
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    encoding: "utf8",
  });
  const output = `${result.stdout}${result.stderr}`;
  // Redocly prints this line only when there is no error and no warning.
  return { ok: result.status === 0 && /Woohoo! Your API description is valid/.test(output), output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, output } = lintSpec(process.argv[2]);
  console.log(output.trim());
  process.exit(ok ? 0 : 1);
}
