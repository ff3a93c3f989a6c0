import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./run.ts";

const examples = fileURLToPath(new URL("../examples/", import.meta.url));

/**
 * Copies the example project `test/examples/<name>` out of this repository (where no parent
 * node_modules can help it) and installs its dependencies and the packed tarball, as a user
 * installs the package. Returns the temporary folder that holds it (remove it when done) and
 * the project's folder in it.
 */
export async function installExample(name: string, tarball: string): Promise<{ work: string; project: string }> {
  const work = mkdtempSync(join(tmpdir(), `mix-example-${basename(name)}-`));
  const project = join(work, name);
  cpSync(join(examples, name), project, { recursive: true, filter: (path) => !path.includes("node_modules") });
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: project });
  return { work, project };
}
