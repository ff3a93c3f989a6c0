import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./run.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Packs the repository as npm would publish it (npm pack runs the build) into a new temporary folder. */
export async function packTarball(): Promise<{ tarball: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "mix-pack-"));
  await run("npm", ["pack", "--pack-destination", dir, "--silent"], { cwd: root });
  const name = readdirSync(dir).find((file) => file.endsWith(".tgz"));
  if (!name) throw new Error(`npm pack wrote no tarball into ${dir}`);
  return { tarball: join(dir, name), dir };
}

/** Makes a fresh project in `dir` and installs the tarball into it, as a user installs the package. */
export async function installTarball(tarball: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir });
}
