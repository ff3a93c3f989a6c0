/**
 * `npm run bench:install`: what `npm install mix-sdk` puts on disk, from the packed tarball,
 * without the optional peers, and what each optional peer adds (msw for `mix-sdk/mock`,
 * @stoplight/prism-cli for the checks of `mix-mock`), at the versions this repository tests.
 * Sizes are the bytes of the files (`du --apparent-size`), packages counted in node_modules.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptFlags } from "../lib/script-flags.ts";

scriptFlags(
  {},
  `
Usage: npm run bench:install

Packs the package, installs the tarball into new projects (alone, with msw, with
@stoplight/prism-cli, at the versions this repository tests) and prints packages and bytes.`,
);

const root = fileURLToPath(new URL("../../", import.meta.url));
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: "pipe" });
const install = ["install", "--no-audit", "--no-fund", "--prefer-offline"];

/** Bytes and package count of a project's node_modules. */
function footprint(project: string): { bytes: number; packages: number } {
  const bytes = Number(execFileSync("du", ["-sb", "node_modules"], { cwd: project, encoding: "utf8" }).split("\t")[0]);
  const listed = JSON.parse(npm(["ls", "--all", "--json", "--omit=dev"], project)) as { dependencies?: object };
  // Optional peers that are not installed are listed too, without a version.
  const count = (deps: object | undefined): number =>
    Object.values(deps ?? {}).reduce(
      (n, dep: { dependencies?: object; version?: string }) => n + (dep.version ? 1 : 0) + count(dep.dependencies),
      0,
    );
  return { bytes, packages: count(listed.dependencies) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const work = mkdtempSync(join(tmpdir(), "mix-install-"));
try {
  npm(["pack", "--pack-destination", work, "--silent"], root);
  const tarball = join(work, "mix-sdk-0.1.0.tgz");
  const dev = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies as Record<string, string>;
  const rows: string[] = [];
  for (const peers of [[], ["msw"], ["@stoplight/prism-cli"]]) {
    const project = join(work, peers.join("-").replace(/\W/g, "_") || "alone");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
    npm([...install, tarball, ...peers.map((peer) => `${peer}@${dev[peer]}`)], project);
    const { bytes, packages } = footprint(project);
    rows.push(`| mix-sdk${peers.map((p) => ` + ${p}@${dev[p]}`).join("")} | ${packages} | ${kb(bytes)} |`);
  }
  console.log("| npm install | packages | on disk |\n|---|---|---|");
  console.log(rows.join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
