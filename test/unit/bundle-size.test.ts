import { describe, expect, it } from "vitest";
import { apps, bundleSize } from "../../scripts/bench/bundle-size.ts";

// Size is deterministic, so it is asserted here; time is not, so it only appears in `npm run bench`.
describe("app bundle size", () => {
  it("keeps an app that imports Mix and calls one method within 5,000 B gzip", async () => {
    const { entry, total } = await bundleSize(apps["mix-sdk"] ?? "");
    expect(entry).toBeGreaterThan(1000);
    expect(entry).toBeLessThanOrEqual(5000);
    // openapi-fetch, loaded only when mix.raw is used, is the one other chunk.
    expect(total).toBeLessThanOrEqual(8000);
  }, 30_000);

  it("measures openapi-fetch alone in the same way, as the reference point", async () => {
    const { entry, total } = await bundleSize(apps["openapi-fetch alone"] ?? "");
    expect(entry).toBe(total);
    expect(entry).toBeGreaterThan(2000);
  }, 30_000);
});
