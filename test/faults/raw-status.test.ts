import { describe, expect, it } from "vitest";
import { Mix, MixDefaultError } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { outcome, serversClosedAfterEach } from "../helpers/faults.ts";

const serve = serversClosedAfterEach();

describe("a status no Response can carry", () => {
  it.each([600, 999])(
    "makes the raw client throw the MixDefaultError that mix.sessions throws for %i",
    async (status) => {
      const server = await serve((_req, res) => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end("not a status from this century");
      });
      const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "none" } });

      const viaRaw = await outcome(() => createRawClient(mix).GET("/api/sessions"));
      const viaSessions = await outcome(() => mix.sessions.list());

      expect(viaRaw.error).toBeInstanceOf(MixDefaultError);
      expect(viaRaw.error).toMatchObject({ statusCode: status, body: "not a status from this century" });
      expect((viaRaw.error as Error).message).toBe((viaSessions.error as Error).message);
      expect((viaRaw.error as Error).message).toContain(`Status ${status} Content-Type text/plain`);
      expect(server.requests).toHaveLength(2);
    },
  );

  it("returns a 599, which a Response can carry, as openapi-fetch's error", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(599, { "content-type": "application/json" });
      res.end('{"error":"edge"}');
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "none" } });
    const { error, response } = await createRawClient(mix).GET("/api/sessions");
    expect(response.status).toBe(599);
    expect(error).toEqual({ error: "edge" });
  });
});
