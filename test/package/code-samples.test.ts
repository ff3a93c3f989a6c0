import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { operationIds, sessionOperations, specServerURL } from "../../generated/operations.ts";
import { renderCodeSamples, sampleLabels } from "../../scripts/lib/code-samples.ts";
import { loadSpec } from "../../scripts/lib/spec.ts";
import { type MockServer, startMock } from "../helpers/mock-server.ts";
import { installTarball } from "../helpers/packed-package.ts";
import { runGroup } from "../helpers/run.ts";
import { tsconfig } from "./consumer-files.ts";

const execFileAsync = promisify(execFile);
const tsc = fileURLToPath(new URL("../../node_modules/.bin/tsc", import.meta.url));
const samples = renderCodeSamples(loadSpec());
const sample = (operationId: string, label: string) =>
  samples[operationId]?.find((s) => s.label === label)?.source ?? "";

// An order that works on a stateful store too: the session the samples name is deleted last.
const order = Object.entries(operationIds)
  .sort(([a], [b]) => Number(a === "delete") - Number(b === "delete"))
  .map(([, operationId]) => operationId);

let work: string;
let mock: MockServer;
let compiled: { failed: boolean; output: string };

/** The sample with the spec's server replaced by the mock's: the one change the test makes. */
function againstMock(source: string): string {
  expect(source.split(specServerURL), "the sample names the spec's server exactly once").toHaveLength(2);
  return source.replace(specServerURL, mock.url);
}

/** Type-checks the TypeScript samples (and one broken on purpose) as a user's files; emits them to out/. */
async function compileSamples(): Promise<{ failed: boolean; output: string }> {
  const files = order.map((operationId) => `${operationId}.mts`);
  for (const [i, operationId] of order.entries())
    writeFileSync(join(work, files[i] ?? ""), sample(operationId, "TypeScript"));
  const broken = sample("getSession", "TypeScript").replace("mix.sessions.get(", "mix.sessions.fetch(");
  writeFileSync(join(work, "broken.mts"), broken);
  const config = JSON.parse(tsconfig("nodenext", [...files, "broken.mts"]));
  config.compilerOptions = { ...config.compilerOptions, noEmit: false, outDir: "out" };
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify(config));
  return execFileAsync(tsc, ["-p", "."], { cwd: work }).then(
    ({ stdout }) => ({ failed: false, output: stdout }),
    (error: { stdout?: string }) => ({ failed: true, output: error.stdout ?? "" }),
  );
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mix-samples-"));
  const [started] = await Promise.all([startMock(), installTarball(inject("tarball"), work)]);
  mock = started;
  compiled = await compileSamples();
  // curl reads $CURL_HOME/.curlrc: silence the progress meter and print the status after the body.
  mkdirSync(join(work, "curl-home"));
  writeFileSync(join(work, "curl-home", ".curlrc"), 'silent\nshow-error\nwrite-out = "\\n%{http_code}"\n');
}, 180_000);

afterAll(async () => {
  await mock?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the portal's code samples", () => {
  it("are one TypeScript and one curl sample for each of the six operations", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.values(operationIds).sort());
    for (const list of Object.values(samples)) expect(list.map((s) => s.label)).toEqual([...sampleLabels]);
  });

  it("type-check as a user's files against the packed package, where a wrong call does not", () => {
    const errors = compiled.output.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(compiled.failed).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((line) => !line.startsWith("broken.mts"))).toEqual([]);
  });

  describe("TypeScript, run by Node against the mock", () => {
    beforeAll(() => mock.reset());

    it.each(order)("%s runs, takes the success path and prints its result", async (operationId) => {
      const file = join(work, "out", `${operationId}.mjs`);
      writeFileSync(file, againstMock(readFileSync(file, "utf8")));
      const { stdout, stderr } = await runGroup(process.execPath, [file], { cwd: work, timeoutMs: 50_000 });
      expect(stderr).toBe("");
      expect(stdout.trim()).not.toBe("");
    });
  });

  describe("curl, run by /usr/bin/curl against the mock", () => {
    beforeAll(() => mock.reset());

    it.each(order)("%s gets a 2xx answer with the documented body", async (operationId) => {
      const env = { PATH: "/usr/bin:/bin", CURL_HOME: join(work, "curl-home") };
      const { stdout } = await runGroup("/bin/sh", ["-c", againstMock(sample(operationId, "curl"))], {
        env,
        timeoutMs: 50_000,
      });
      const body = stdout.slice(0, stdout.lastIndexOf("\n"));
      const status = Number(stdout.slice(stdout.lastIndexOf("\n") + 1));
      expect(status, body).toBeGreaterThanOrEqual(200);
      expect(status, body).toBeLessThan(300);
      const name = Object.entries(operationIds).find(([, id]) => id === operationId)?.[0] ?? "";
      const data = sessionOperations[name as keyof typeof sessionOperations].data;
      if (data === "none") expect(body).toBe("");
      else expect(Array.isArray(JSON.parse(body).data) ? "array" : typeof JSON.parse(body).data).toBe(data);
    });
  });
});
