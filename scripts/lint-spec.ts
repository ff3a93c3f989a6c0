/**
 * Lints spec/openapi.yaml and spec/sessions.arazzo.yaml with Redocly under redocly.yaml; fails
 * on any error or warning.
 */
import { fileURLToPath } from "node:url";
import { runRedocly } from "./lib/redocly.ts";
import { arazzoPath, specPath } from "./lib/spec.ts";

/**
 * Runs `redocly lint` on descriptions (default: the spec and its Arazzo workflows, together, so
 * the Arazzo file is checked against the spec it names) and returns whether they are clean.
 */
export function lintSpec(paths: string[] = [specPath, arazzoPath]): { ok: boolean; output: string } {
  const { status, output } = runRedocly(["lint", ...paths, "--format", "stylish"]);
  // Redocly prints this line only when there is no error and no warning.
  return { ok: status === 0 && /Woohoo! Your API descriptions? (is|are) valid/.test(output), output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  const { ok, output } = lintSpec(paths.length > 0 ? paths : undefined);
  console.log(output.trim());
  process.exit(ok ? 0 : 1);
}
