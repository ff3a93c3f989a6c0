import { describe, expect, it, vi } from "vitest";
import { running } from "../helpers/processes.ts";
import { type GroupOutput, runGroup } from "../helpers/run.ts";

/** The rejection of a run that must fail. */
const failure = (run: Promise<GroupOutput>) =>
  run.then(
    () => expect.unreachable("the command succeeded"),
    (error: Error & GroupOutput) => error,
  );

describe("runGroup, which tests use for commands that start processes of their own", () => {
  it("resolves with the output of a command that succeeds", async () => {
    await expect(runGroup("/bin/sh", ["-c", "echo out; echo err >&2"])).resolves.toEqual({
      stdout: "out\n",
      stderr: "err\n",
    });
  });

  it("rejects with the output of a command that fails", async () => {
    const error = await failure(runGroup("/bin/sh", ["-c", "echo partial; exit 3"]));
    expect(error).toMatchObject({ message: expect.stringContaining("exited with 3"), stdout: "partial\n" });
  });

  it("kills the command and what it started when it runs past its time", async () => {
    const started = performance.now();
    const error = await failure(runGroup("/bin/sh", ["-c", "sleep 30 & echo $!; wait"], { timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error.message).toContain("timed out after 300 ms");
    const grandchild = Number(error.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    await vi.waitFor(() => expect(running(grandchild)).toBe(false), 1000);
  });
});
