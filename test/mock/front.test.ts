import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startFront } from "../../scripts/lib/mock-front.ts";
import type { RunningServer } from "../../scripts/lib/mock-http.ts";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.ts";

let upstream: TestServer | undefined;
let front: RunningServer | undefined;
afterEach(async () => {
  await Promise.all([front?.close(), upstream?.close()]);
});

/** Starts the front before an upstream (standing in for Prism) whose first answer breaks off mid-body. */
async function frontBefore(breakOff: (res: ServerResponse) => void, log: string[]) {
  upstream = await startServer((_, res, index) => {
    if (index > 0) return sendJson(res, 200, { data: [] });
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"data": [');
    setTimeout(() => breakOff(res), 20);
  });
  const target = upstream.url;
  const checker = {
    url: async () => target,
    current: () => ({ url: target, pid: 0 }),
    restart: () => {},
    stop: async () => {},
  };
  const scenario = { random: Math.random };
  front = await startFront({
    port: 0,
    host: "127.0.0.1",
    checker,
    pending: new Map(),
    scenario,
    quiet: true,
    log: (line) => log.push(line),
  });
  return front.url;
}

describe("the mock's front when Prism's answer breaks off", () => {
  it.each([
    ["with a reset (RST)", (res: ServerResponse) => res.socket?.resetAndDestroy()],
    ["with a plain close (FIN)", (res: ServerResponse) => res.socket?.destroy()],
  ])("closes the client's connection %s instead of hanging or crashing, and serves on", async (_, breakOff) => {
    const log: string[] = [];
    const url = await frontBefore(breakOff, log);
    // Bounded, so a hang shows as a TimeoutError instead of the connection's end.
    const response = await fetch(`${url}/api/sessions`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow("terminated");
    expect(log).toEqual([expect.stringMatching(/^mix-mock: GET \/api\/sessions: the answer broke off: /)]);
    const next = await fetch(`${url}/api/sessions`);
    expect(await next.json()).toEqual({ data: [] });
  });
});
