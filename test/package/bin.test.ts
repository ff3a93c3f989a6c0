import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { spawnMock, survivors } from "../helpers/mock-process.ts";
import { installTarball } from "../helpers/packed-package.ts";
import { errorOf, sendRaw } from "../helpers/raw-request.ts";
import { run, runGroup } from "../helpers/run.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tarball = inject("tarball");
const prismVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies[
  "@stoplight/prism-cli"
];
const install = ["install", "--no-audit", "--no-fund", "--prefer-offline"];
let work: string;
/** A project that installed mix-sdk alone, as `npm i mix-sdk` does. */
let clientOnly: string;
/** A project that installed mix-sdk and the optional peer @stoplight/prism-cli. */
let checked: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mix-bin-"));
  clientOnly = join(work, "client-only");
  checked = join(work, "checked");
  await Promise.all([installTarball(tarball, clientOnly), installTarball(tarball, checked)]);
  await run("npm", [...install, `@stoplight/prism-cli@${prismVersion}`], { cwd: checked });
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

/** POSTs a create body to a running mix-mock. */
const create = (url: string, body: string) =>
  sendRaw(url, { method: "POST", path: "/api/sessions", headers: { "content-type": "application/json" }, body });

describe("npm install mix-sdk, without the optional peers", () => {
  it("installs mix-sdk and openapi-fetch (with its helper types) and nothing else: no Prism, no msw", () => {
    expect(readdirSync(join(clientOnly, "node_modules")).filter((name) => !name.startsWith("."))).toEqual([
      "mix-sdk",
      "openapi-fetch",
      "openapi-typescript-helpers",
    ]);
    expect(readdirSync(join(clientOnly, "node_modules", ".bin"))).toEqual(["mix-mock"]);
  });
});

describe("npx mix-mock where mix-sdk is installed", () => {
  it("without Prism: the model answers, and it says once what is not checked and how to check", {
    timeout: 60_000,
  }, async () => {
    const mock = spawnMock("npx", ["mix-mock"], { cwd: clientOnly });
    try {
      const { url, prismPid } = await mock.ready();
      expect(prismPid).toBe(0);
      const install = "npm install --save-dev @stoplight/prism-cli@5";
      expect(mock.output().split(install)).toHaveLength(2);
      expect(mock.output()).toContain("Nothing is checked against the spec: @stoplight/prism-cli is not installed");
      const created = await create(url, '{"title":"npx"}');
      expect(created.status).toBe(201);
      const refused = await create(url, '{"colour":1}');
      expect([refused.status, errorOf(refused)?.type, refused.headers["sl-violations"]]).toEqual([
        400,
        "validation_error",
        undefined,
      ]);
      await mock.until("a log line per request", () => /^POST \/api\/sessions 400 \d+ms$/m.test(mock.output()), 10_000);
    } finally {
      mock.kill();
    }
  });

  it.each(["--stateless", "--dynamic"])(
    "without Prism refuses %s, exit code 2, naming the install command",
    async (flag) => {
      const error = await runGroup("npx", ["mix-mock", flag], { cwd: clientOnly, timeoutMs: 30_000 }).catch((e) => e);
      expect(error.message).toMatch(/^npx exited with 2:/);
      expect(error.stderr).toContain(`mix-mock: ${flag} is Prism alone, and @stoplight/prism-cli is not installed:`);
      expect(error.stderr).toContain("npm install --save-dev @stoplight/prism-cli@5");
    },
  );

  it("refuses a seed file at start, naming the file, the session and the field", async () => {
    const seed = join(clientOnly, "sessions.json");
    const session = { ...sampleSession, id: "s1" };
    writeFileSync(seed, JSON.stringify({ data: [sampleSession, session] }));
    const error = await runGroup("npx", ["mix-mock", "--seed-file", seed], {
      cwd: clientOnly,
      timeoutMs: 30_000,
    }).catch((e) => e);
    expect(error.message).toMatch(/^npx exited with 2:/);
    expect(error.stderr).toContain(`mix-mock: --seed-file ${seed}: session 1, field id: must be a UUID, got "s1"`);
  });

  it("with Prism installed: checks every request and answer, as in this repository", { timeout: 90_000 }, async () => {
    const mock = spawnMock("npx", ["mix-mock"], { cwd: checked });
    try {
      const { url, prismPid } = await mock.ready();
      expect(prismPid).toBeGreaterThan(0);
      expect(mock.output()).toContain("behind prism proxy");
      const refused = await create(url, '{"colour":1}');
      expect(refused.status).toBe(400);
      expect(refused.headers["sl-violations"]).toContain("additionalProperties");
      await mock.until(
        "the violation in the log",
        () => /^POST \/api\/sessions 400 \d+ms VIOLATION: /m.test(mock.output()),
        10_000,
      );
    } finally {
      mock.kill();
    }
  });

  it("with Prism installed: stops with exit code 1 and the reason when Prism stops and cannot start again", {
    timeout: 120_000,
  }, async () => {
    const mock = spawnMock("npx", ["mix-mock"], { cwd: checked });
    const spec = join(checked, "node_modules", "mix-sdk", "spec", "openapi.yaml");
    const saved = readFileSync(spec);
    try {
      const { prismPid } = await mock.ready();
      const tree = mock.look();
      unlinkSync(spec);
      const exited = once(mock.child, "exit");
      process.kill(prismPid, "SIGKILL");
      const [code] = await exited;
      expect(code).toBe(1);
      expect(mock.output()).toMatch(/mix-mock: Prism stopped and could not be started again: /);
      await expect(survivors(tree)).resolves.toEqual([]);
    } finally {
      writeFileSync(spec, saved);
      mock.kill();
    }
  });
});
