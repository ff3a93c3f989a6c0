/** Lints spec/openapi.yaml with Redocly under redocly.yaml; fails on any error or warning. */
import { fileURLToPath } from "node:url";
import { runRedocly } from "./lib/redocly.ts";
import { specPath } from "./lib/spec.ts";

/** Runs `redocly lint` on a spec (default: ours) and returns whether it is clean, and its output. */
export function lintSpec(path: string = specPath): { ok: boolean; output: string } {
  const { status, output } = runRedocly(["lint", path, "--format", "stylish"]);
  // Redocly prints this line only when there is no error and no warning.
  return { ok: status === 0 && /Woohoo! Your API description is valid/.test(output), output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ok, output } = lintSpec(process.argv[2]);
  console.log(output.trim());
  process.exit(ok ? 0 : 1);
}
