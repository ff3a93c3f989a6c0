import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism.ts";
import { listenersAmong } from "../helpers/mock-ports.ts";
import { spawnMock, survivors } from "../helpers/mock-process.ts";
import { commandLine, directChildren } from "../helpers/processes.ts";

const npmRunMock = ["run", "mock", "--"];

describe("npm run mock stops everything it started", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("when the npm process gets %s", { timeout: 120_000 }, async (signal) => {
    const mock = spawnMock("npm", npmRunMock);
    try {
      const { ports, prismPid, mockPid } = await mock.ready();
      // The mock is npm's own child (its shell exec'd node), so npm's signal reaches it directly.
      expect(directChildren(mock.child.pid ?? 0)).toEqual([mockPid]);
      const tree = mock.look();
      expect(tree).toContain(prismPid);
      expect(ports).toHaveLength(3);
      for (const p of ports) expect(listenersAmong(p, tree), `port ${p}`).not.toEqual([]);

      const exited = once(mock.child, "exit");
      mock.child.kill(signal);
      await exited;
      // tsx's esbuild service (a child of the mock) exits by itself once its parent is gone.
      await expect(survivors(mock.seen())).resolves.toEqual([]);
      for (const p of ports) expect(listenersAmong(p, tree), `port ${p}`).toEqual([]);
      expect(mock.output()).toContain(`mix-mock: ${signal} received, stopping...`);
    } finally {
      mock.kill();
    }
  });

  it("when the npm process gets SIGTERM while Prism is still starting", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const mock = spawnMock("npm", npmRunMock, { port });
    try {
      const prismRunning = () => mock.seen().some((pid) => commandLine(pid).includes("prism-cli"));
      await mock.until("Prism started", prismRunning);
      const exited = once(mock.child, "exit");
      mock.child.kill("SIGTERM");
      await exited;
      expect(mock.output()).toContain("mix-mock: SIGTERM received, stopping...");
      expect(mock.output()).not.toContain("Mix API mock listening");
      await expect(survivors(mock.seen())).resolves.toEqual([]);
      expect(listenersAmong(port, mock.seen())).toEqual([]);
    } finally {
      mock.kill();
    }
  });
});
