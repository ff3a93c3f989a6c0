import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism.ts";
import { alive, descendants, directChildren, listening } from "../helpers/processes.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Starts `npm run mock` and resolves with what it printed once it is ready. */
async function startNpmMock(port: number): Promise<{ npm: ChildProcess; output: () => string }> {
  const npm = spawn("npm", ["run", "mock", "--", "--port", String(port)], {
    cwd: root,
    env: { ...process.env, SCARF_ANALYTICS: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  npm.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 90_000;
  while (!/Behind it: .*mock pid \d+/.test(output)) {
    if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`npm run mock did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { npm, output: () => output };
}

function portsIn(text: string): number[] {
  return [...text.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
}

describe("npm run mock stops everything it started", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("when the npm process gets %s", { timeout: 120_000 }, async (signal) => {
    const port = await freePort();
    const { npm, output } = await startNpmMock(port);
    const pids = descendants(npm.pid ?? 0);
    try {
      const behind =
        output()
          .split("\n")
          .find((line) => line.startsWith("Behind it:")) ?? "";
      const ports = [port, ...portsIn(behind)];
      const [, prismPid, mockPid] = /\(pid (\d+)\).*mock pid (\d+)/.exec(behind)?.map(Number) ?? [];
      // The mock is npm's own child (its shell exec'd node), so npm's signal reaches it directly.
      expect(directChildren(npm.pid ?? 0)).toEqual([mockPid]);
      expect(pids).toContain(prismPid);
      expect(ports).toHaveLength(3);
      for (const p of ports) await expect(listening(p)).resolves.toBe(true);

      const exited = once(npm, "exit");
      npm.kill(signal);
      await exited;
      // tsx's esbuild service (a child of the mock) exits by itself once its parent is gone: allow it 2 s.
      const deadline = Date.now() + 2000;
      while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(pids.filter(alive)).toEqual([]);
      for (const p of ports) await expect(listening(p), `port ${p}`).resolves.toBe(false);
      expect(output()).toContain(`mock: ${signal} received, stopping...`);
    } finally {
      for (const pid of [npm.pid ?? 0, ...pids].filter(alive)) process.kill(pid, "SIGKILL");
    }
  });
});
