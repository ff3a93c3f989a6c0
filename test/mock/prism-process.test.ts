import { describe, expect, it, vi } from "vitest";
import { startPrism } from "../../scripts/lib/prism.ts";

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
});
