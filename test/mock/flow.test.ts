import { afterEach, describe, expect, it } from "vitest";
import { RESTResponseError, type SessionData } from "../../src/index.ts";
import { readJson, useMock } from "../helpers/mock-client.ts";
import { freshSession } from "../helpers/mock-expectations.ts";
import { successData } from "../helpers/spec-examples.ts";
import { expectNoViolations } from "../helpers/violation-recorder.ts";

const t = useMock();
afterEach(() => expectNoViolations(t.recorder));

const seeded = successData("listSessions") as SessionData[];

describe("the stateful mock through the SDK", () => {
  it("remembers: create, list shows it first, get, fork, cancel, delete, then 404 everywhere, then reset", async () => {
    const { mix } = t;
    const created = await mix.sessions.create({ title: "SDK demo", workingDirectory: "/tmp/demo" });
    expect(created).toStrictEqual(freshSession({ title: "SDK demo", workingDirectory: "/tmp/demo" }));

    const listed = await mix.sessions.list();
    expect(listed.map((s) => s.id)).toEqual([created.id, ...seeded.map((s) => s.id)]);
    await expect(mix.sessions.get({ id: created.id })).resolves.toStrictEqual(created);

    const fork = await mix.sessions.fork({ id: created.id, messageIndex: 2 });
    expect(fork).toStrictEqual(freshSession({ title: "Forked Session", workingDirectory: "/tmp/demo" }));
    expect(fork.id).not.toBe(created.id);
    await expect(mix.sessions.cancelProcessing({ id: created.id })).resolves.toEqual({ cancelled: true });

    await expect(mix.sessions.delete({ id: created.id })).resolves.toBeUndefined();
    const calls = [
      () => mix.sessions.get({ id: created.id }),
      () => mix.sessions.delete({ id: created.id }),
      () => mix.sessions.fork({ id: created.id, messageIndex: 1 }),
      () => mix.sessions.cancelProcessing({ id: created.id }),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RESTResponseError);
      expect(error).toMatchObject({ statusCode: 404, message: `Session with ID '${created.id}' not found` });
    }
    expect((await mix.sessions.list()).map((s) => s.id)).toEqual([fork.id, ...seeded.map((s) => s.id)]);

    const reset = await readJson(await t.send("/__mock/reset", { method: "POST" }));
    expect(reset).toMatchObject({ status: 200, body: { data: seeded } });
    await expect(mix.sessions.list()).resolves.toStrictEqual(seeded);
  });

  it("shows the store at GET /__mock/sessions", async () => {
    const created = await t.mix.sessions.create({ title: "Visible" });
    const store = await readJson(await t.send("/__mock/sessions"));
    expect(store.body).toEqual({ data: [created, ...seeded] });
    await t.send("/__mock/reset", { method: "POST" });
  });

  it("answers a request the spec forbids with the API's 400, and reports the violation", async () => {
    t.log.length = 0;
    const response = await t.send("/api/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "x", color: "red" }),
    });
    const { status, body, headers } = await readJson(response);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: 400, message: "Validation error for field 'color': unknown field", type: "validation_error" },
    });
    expect(JSON.parse(headers.get("sl-violations") ?? "[]")).toEqual([
      expect.objectContaining({ location: ["request", "body"], code: "additionalProperties" }),
    ]);
    expect(t.log.filter((line) => line.includes("VIOLATION"))).toEqual([
      expect.stringMatching(
        /^POST \/api\/sessions 400 \d+ms VIOLATION: Request body must NOT have additional properties; found 'color'$/,
      ),
    ]);
    expect((await readJson(await t.send("/__mock/sessions"))).body).toEqual({ data: seeded });
  });

  it("hands the model a body's bytes as sent: invalid UTF-8 is read as U+FFFD, as Go's JSON decoder does", async () => {
    const body = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const created = await readJson(
      await t.send("/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body }),
    );
    expect(created).toMatchObject({ status: 201, body: { data: { title: "\ufffd\ufffd" } } });
    await t.send("/__mock/reset", { method: "POST" });
  });

  it("answers a fork with messageIndex 0 with the API's 400, not Prism's 422", async () => {
    const { status, body, headers } = await readJson(
      await t.send(`/api/sessions/${seeded[0]?.id}/fork`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"messageIndex":0}',
      }),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: { type: "validation_error", message: expect.stringContaining("messageIndex") },
    });
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("sl-violations")).toContain("minimum");
  });

  it("lets any origin in: preflights are granted and answers carry Access-Control-Allow-Origin: *", async () => {
    const preflight = await t.send("/api/sessions", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-trace",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-trace");
    const answer = await t.send("/api/sessions", { headers: { origin: "http://example.test" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    await answer.arrayBuffer();
  });
});
