import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sendSession, serversClosedAfterEach, unavailable, within } from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";

const serve = serversClosedAfterEach();
const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/settle-then-return.ts", import.meta.url));

describe("a process using the SDK", () => {
  it("exits at once after its calls settle, with no unhandled rejection", { timeout: 15_000 }, async () => {
    const server = await serve((req, res) => {
      if (req.method === "POST") sendJson(res, 503, unavailable);
      else if (req.url.endsWith("/busy")) sendJson(res, 503, unavailable, { "retry-after-ms": "5000" });
      else if (req.url.endsWith("/ok")) sendSession(res);
      // Anything else (the "stall" session) never gets an answer.
    });
    const child = spawn(process.execPath, ["--import", "tsx", fixture], {
      cwd: root,
      env: { ...process.env, FAULTS_SERVER_URL: server.url, MIX_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let settledAt: number | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (settledAt === undefined && /^settled$/m.test(stdout)) settledAt = performance.now();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    try {
      const [code] = await within(
        once(child, "exit"),
        10_000,
        `the child's exit (stdout: ${stdout}, stderr: ${stderr})`,
      );
      const exitedAt = performance.now();

      expect(stderr).toBe("");
      expect(stdout.trim().split("\n")).toEqual([
        JSON.stringify([
          "get: ok",
          "create: MixDefaultError",
          "timeout: RequestTimeoutError",
          "abort: RequestAbortedError",
        ]),
        "settled",
      ]);
      expect(code).toBe(0);
      expect(exitedAt - (settledAt ?? Number.POSITIVE_INFINITY)).toBeLessThan(1500);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "GET /api/sessions/ok",
        "POST /api/sessions",
        "GET /api/sessions/stall",
        "GET /api/sessions/busy",
      ]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
