import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { ConnectionError, Mix } from "../../src/index.ts";
import { fastRetries, outcome, sendHalfSession, sendSession, serversClosedAfterEach } from "../helpers/faults.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const serve = serversClosedAfterEach();

/** Sends the headers and half the body, then closes the connection once that is written. */
function dropMidBody(res: ServerResponse): void {
  sendHalfSession(res);
  res.write("", () => res.socket?.destroy());
}

describe("dropped connections on get", () => {
  it("surfaces a connection dropped mid-body as ConnectionError when retries are off", async () => {
    const server = await serve((_req, res) => dropMidBody(res));
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "none" } });

    const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBeDefined();
    expect(ms).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a get whose connection dropped mid-body and returns the session", async () => {
    const server = await serve((_req, res, index) => (index === 0 ? dropMidBody(res) : sendSession(res)));
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a get whose connection dropped before any answer and returns the session", async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendSession(res);
    });
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a dropped connection when retryConnectionErrors is off", async () => {
    const server = await serve((_req, res) => dropMidBody(res));
    const mix = new Mix({ serverURL: server.url, retryConfig: { ...fastRetries, retryConnectionErrors: false } });

    const { error } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});
