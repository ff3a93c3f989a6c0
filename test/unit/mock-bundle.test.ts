import { describe, expect, it } from "vitest";
import { appBundle, clientApp, mockApp } from "../../scripts/bench/mock-size.ts";

describe("what mix-sdk/mock adds to an app", () => {
  it("an app that imports only Mix bundles nothing of the mock", async () => {
    const { files } = await appBundle(clientApp);
    expect(files).toContain("src/client.ts");
    expect(files.filter((file) => file.startsWith("src/mock/") || file === "generated/examples.ts")).toEqual([]);
  }, 30_000);

  it("the mock itself stays within 7,000 B gzip, msw excluded", async () => {
    const { gzip, files } = await appBundle(mockApp);
    expect(files).toContain("src/mock/model.ts");
    expect(files.filter((file) => file.startsWith("src/") && !file.startsWith("src/mock/"))).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(7000);
  }, 30_000);
});
