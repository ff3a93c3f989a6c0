import { once } from "node:events";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { listenersAmong } from "../helpers/mock-ports.ts";
import { mockScript, spawnMock, survivors } from "../helpers/mock-process.ts";

/** Sends a POST that announces 100 bytes of body, sends 10, and closes the connection. */
async function dropMidUpload(port: number) {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write("POST /api/sessions HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n");
  socket.write('Content-Length: 100\r\n\r\n{"title":"');
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
}

// Throws from a signal handler: an uncaught exception at a moment the test chooses.
const crashOnSigusr2 = `data:text/javascript,process.on("SIGUSR2", () => { throw new Error("test crash"); });`;

describe("npm run mock under a client that goes away, and on a crash", () => {
  it("survives a client that drops mid-upload, at the front and at the model behind Prism", {
    timeout: 120_000,
  }, async () => {
    const mock = spawnMock("node", mockScript([]));
    try {
      const { url, modelURL } = await mock.ready();
      const dropped = () => mock.output().match(/^mix-mock: POST \/api\/sessions: aborted; connection closed$/gm) ?? [];
      await dropMidUpload(Number(new URL(url).port));
      await mock.until("a line for the upload dropped at the front", () => dropped().length === 1, 10_000);
      await dropMidUpload(Number(new URL(modelURL).port));
      await mock.until("a line for the upload dropped at the model", () => dropped().length === 2, 10_000);

      const response = await fetch(`${url}/api/sessions`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(2);
      expect(mock.child.exitCode).toBeNull();
    } finally {
      mock.kill();
    }
  });

  // Another program may take a freed port at once, and a loaded machine may take seconds to end
  // a process: so the test asks which processes hold each port, not whether anything answers
  // there, and waits for the processes to end as long as they take.
  it.each([
    ["an uncaught exception", "SIGUSR2", 1],
    ["SIGHUP (the terminal closed)", "SIGHUP", 0],
  ] as const)("stops Prism and frees every port on %s", { timeout: 120_000 }, async (_, signal, code) => {
    const mock = spawnMock("node", mockScript([], crashOnSigusr2));
    try {
      const { ports, prismPid, mockPid } = await mock.ready();
      const tree = [mockPid, ...mock.look()];
      expect(tree).toContain(prismPid);
      expect(ports).toHaveLength(3);
      for (const port of ports) expect(listenersAmong(port, tree), `port ${port}`).not.toEqual([]);
      const exited = once(mock.child, "exit");
      mock.child.kill(signal);
      const [exitCode] = await exited;
      expect(exitCode).toBe(code);
      if (signal === "SIGUSR2") expect(mock.output()).toContain("Error: test crash");
      await expect(survivors([prismPid])).resolves.toEqual([]);
      for (const port of ports) expect(listenersAmong(port, tree), `port ${port}`).toEqual([]);
    } finally {
      mock.kill();
    }
  });
});
