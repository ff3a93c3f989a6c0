import { describe, expect, it } from "vitest";
import { Mix, MixDefaultError } from "../../src/index.ts";
import { outcome, serversClosedAfterEach } from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";

const serve = serversClosedAfterEach();

/** What the real server answers to a delete of an id it does not know. */
const internalError = {
  error: { code: 500, message: "Internal error during delete: not found", type: "internal_error" },
};

describe("a server that answers 500 to every attempt", () => {
  it("fails a delete after the first attempt and 3 retries, well before the 10-minute budget", async () => {
    const server = await serve((_req, res) => sendJson(res, 500, internalError));
    // The spec's policy with short waits: the budget stays 10 minutes, maxRetries is left out.
    const backoff = { initialInterval: 10, maxInterval: 40 };
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "backoff", backoff } });

    const { error, ms } = await outcome(() => mix.sessions.delete({ id: "7f3c2a4e-unknown" }));

    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 500 });
    expect(server.requests).toHaveLength(4);
    expect(server.requests.every((r) => r.method === "DELETE")).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});
