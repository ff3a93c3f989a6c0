import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUUIDv4 } from "../../src/mock/ids.ts";
import { formatCreatedAt } from "../../src/mock/time.ts";

/** A moment whose local offset is `minutes` east of UTC, as Date's getTimezoneOffset reports it (the other way round). */
function at(iso: string, minutes: number): Date {
  const moment = new Date(iso);
  vi.spyOn(moment, "getTimezoneOffset").mockReturnValue(-minutes);
  return moment;
}

describe("createdAt, as the API writes it", () => {
  it.each([
    ["2025-09-10T13:29:13.900Z", 330, "2025-09-10T18:59:13+05:30"],
    ["2025-09-10T13:29:13Z", 0, "2025-09-10T13:29:13Z"],
    ["2025-09-10T13:29:13Z", -570, "2025-09-10T03:59:13-09:30"],
    ["2025-01-01T00:00:00Z", 60, "2025-01-01T01:00:00+01:00"],
  ])("%s at %i minutes east is %s", (iso, minutes, expected) => {
    expect(formatCreatedAt(at(iso, minutes))).toBe(expected);
  });
});

describe("session ids", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are crypto.randomUUID's where it exists", () => {
    vi.stubGlobal("crypto", { randomUUID: () => "from-randomUUID", getRandomValues: () => new Uint8Array(16) });
    expect(randomUUIDv4()).toBe("from-randomUUID");
  });

  it("are UUID v4 made of getRandomValues' bytes where randomUUID is missing (plain http from a LAN address)", () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    const getRandomValues = (into: Uint8Array) => {
      into.set(bytes);
      return into;
    };
    vi.stubGlobal("crypto", { getRandomValues });
    expect(randomUUIDv4()).toBe("00112233-4455-4677-8899-aabbccddeeff");
  });
});
