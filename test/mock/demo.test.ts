import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runGroup } from "../helpers/run.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("npm run demo", () => {
  it("runs the six operations against the stateful mock and prints the title it created", async () => {
    const env = { ...process.env, SCARF_ANALYTICS: "false", MIX_SERVER_URL: "" };
    // Within the project's 60 s test timeout, so the demo and its Prism are killed before vitest gives up.
    const { stdout } = await runGroup("npm", ["run", "demo"], { cwd: root, env, timeoutMs: 55_000 });
    expect(stdout).toContain("(the stateful mock, checked by prism proxy)");
    // Each step prints its operation, the call, and "-> " with the result.
    const results = Object.fromEntries(
      [...stdout.matchAll(/^(createSession|getSession)\n.*\n\s+-> (.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(results.createSession).toMatch(/^[0-9a-f-]{36} {2}"SDK demo" {2}0 user/);
    expect(results.getSession).toBe(results.createSession);
    expect(stdout).toContain("All six operations and the documented error behaved as expected.");
  });
});
