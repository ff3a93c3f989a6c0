import { describe, expect, it, vi } from "vitest";
import { startMock } from "../../scripts/lib/mock-stack.ts";
import { startPrism } from "../../scripts/lib/prism.ts";
import { alive, commandLine, directChildren, listening } from "../helpers/processes.ts";

/** This process's Prism children, with the ports on their command line (its own, and upstream's). */
function prismChildren() {
  return directChildren(process.pid)
    .map((pid) => ({ pid, command: commandLine(pid) }))
    .filter(({ command }) => command.includes("prism-cli"))
    .map(({ pid, command }) => ({
      pid,
      ports: [...command.matchAll(/(?:-p |127\.0\.0\.1:)(\d+)/g)].map((m) => Number(m[1])),
    }));
}

describe("Prism as a child process", () => {
  it("keeps what Prism printed while starting, and hands later lines to onLine only", async () => {
    const lines: string[] = [];
    const prism = await startPrism({ onLine: (line) => lines.push(line) });
    try {
      const startup = prism.output();
      expect(startup).toContain("Prism is listening on");
      const response = await fetch(`${prism.url}/api/sessions`);
      await response.arrayBuffer();
      await vi.waitFor(() => expect(lines.some((line) => line.includes("Request received"))).toBe(true), 10_000);
      expect(prism.output()).toBe(startup);
    } finally {
      await prism.stop();
    }
  });

  it("is stopped with the model's server when the mock's start is aborted while Prism starts", async () => {
    const startup = new AbortController();
    const starting = startMock({ port: 0, signal: startup.signal });
    starting.catch(() => {});
    const [prism] = await vi.waitFor(() => {
      const found = prismChildren();
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    try {
      // Prism proxies to the model's server: its command line names both ports.
      expect(prism?.ports).toHaveLength(2);
      startup.abort(new Error("stopped during startup"));
      await expect(starting).rejects.toThrow("stopped during startup");
      expect(alive(prism?.pid ?? 0)).toBe(false);
      for (const port of prism?.ports ?? []) await expect(listening(port), `port ${port}`).resolves.toBe(false);
    } finally {
      if (prism && alive(prism.pid)) process.kill(prism.pid, "SIGKILL");
      await starting.then(
        (mock) => mock.stop(),
        () => {},
      );
    }
  });
});
