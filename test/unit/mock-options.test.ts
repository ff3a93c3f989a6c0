import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMockCommand } from "../../scripts/lib/mock-options.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => parseMockCommand(args, env);

describe("npm run mock's flags", () => {
  it("defaults to the stateful mock on 127.0.0.1:4010 with the spec's sessions", () => {
    expect(parse([])).toEqual({ config: { mode: "stateful", port: 4010, host: "127.0.0.1", quirks: false } });
  });

  it("reads every knob from its flag", () => {
    const args = [
      "--port",
      "4020",
      "--host",
      "0.0.0.0",
      "--empty",
      "--latency",
      "50-200",
      "--fail-rate",
      "0.1",
      "--quirks",
    ];
    expect(parse(args)).toEqual({
      config: {
        mode: "stateful",
        port: 4020,
        host: "0.0.0.0",
        sessions: "empty",
        latency: [50, 200],
        failRate: 0.1,
        quirks: true,
      },
    });
    expect(parse(["--dynamic", "--seed", "7"])).toMatchObject({ config: { mode: "dynamic", seed: 7 } });
    expect(parse(["--stateless", "--latency", "30"])).toMatchObject({ config: { mode: "stateless", latency: 30 } });
  });

  it("reads MIX_MOCK_* variables, and flags win over them", () => {
    const env = { MIX_MOCK_PORT: "4030", MIX_MOCK_FAIL_RATE: "0.5", MIX_MOCK_QUIRKS: "1", MIX_MOCK_LATENCY: "10" };
    expect(parse([], env)).toMatchObject({ config: { port: 4030, failRate: 0.5, quirks: true, latency: 10 } });
    expect(parse(["--port", "4040"], env)).toMatchObject({ config: { port: 4040 } });
    expect(parse([], { MIX_MOCK_QUIRKS: "0" })).toMatchObject({ config: { quirks: false } });
  });

  it("reads a seed file holding an array of sessions or a saved list answer", () => {
    const dir = mkdtempSync(join(tmpdir(), "mix-seed-"));
    try {
      writeFileSync(join(dir, "a.json"), JSON.stringify([sampleSession]));
      writeFileSync(join(dir, "b.json"), JSON.stringify({ data: [sampleSession] }));
      expect(parse(["--seed-file", join(dir, "a.json")])).toMatchObject({ config: { sessions: [sampleSession] } });
      expect(parse([], { MIX_MOCK_SEED_FILE: join(dir, "b.json") })).toMatchObject({
        config: { sessions: [sampleSession] },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [["--port", "70000"], "--port must be a whole number up to 65535"],
    [["--latency", "9-3"], "--latency MIN-MAX needs MIN <= MAX"],
    [["--latency", "fast"], "--latency must be a whole number"],
    [["--fail-rate", "2"], "--fail-rate must be a number from 0 to 1"],
    [["--seed", "3"], "--seed only applies with --dynamic"],
    [["--dynamic", "--quirks"], "--quirks needs the stateful mock"],
    [["--stateless", "--empty"], "--empty needs the stateful mock"],
    [["--empty", "--seed-file", "x.json"], "--seed-file and --empty exclude each other"],
    [["--seed-file", "/nonexistent/seed.json"], "--seed-file /nonexistent/seed.json: ENOENT"],
    [["--colour"], "Unknown option '--colour'"],
  ])("refuses %j: %s", (args, message) => {
    expect(parse(args)).toEqual({ error: expect.stringContaining(message) });
  });
});
