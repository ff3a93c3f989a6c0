import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type Prism, startPrism } from "../../scripts/lib/prism.ts";
import { loadSpec, type Node } from "../../scripts/lib/spec.ts";
import { InvalidRequestError, Mix, MixDefaultError } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { documentedResponses, sampleSession } from "../helpers/spec-examples.ts";
import { createViolationRecorder, expectNoViolations } from "../helpers/violation-recorder.ts";

const recorder = createViolationRecorder();
const mix = new Mix({ serverURL: inject("prismURL"), fetch: recorder.fetch });
const raw = createRawClient(mix);
afterEach(() => expectNoViolations(recorder));

const { id } = sampleSession;

function exampleOf(operationId: string, status: number): Node {
  const value = documentedResponses().find((r) => r.operationId === operationId && r.status === status)?.examples[0]
    ?.value;
  if (!value) throw new Error(`the spec has no example for ${operationId} ${status}`);
  return value;
}

/** The one exchange recorded so far, which the test expects Prism to have flagged; then forgotten. */
function takeFlagged() {
  const flagged = recorder.flagged();
  expect(recorder.exchanges).toHaveLength(1);
  expect(flagged).toHaveLength(1);
  recorder.clear();
  return flagged[0];
}

describe("the violation detector", () => {
  it("records Prism's sl-violations for a fork with messageIndex 0 sent through the raw client", async () => {
    const { response } = await raw.POST("/api/sessions/{id}/fork", {
      params: { path: { id } },
      body: { messageIndex: 0 },
    });
    // With --errors Prism answers the documented 400 and reports the violation only in the header.
    expect(response.status).toBe(400);
    expect(takeFlagged()?.violations).toEqual([
      expect.objectContaining({ location: ["request", "body", "messageIndex"], code: "minimum" }),
    ]);
  });

  it("records Prism's sl-violations for a create with an unknown field sent through the raw client", async () => {
    const body = { title: "Refactor the billing module", unknownField: true };
    const { response } = await raw.POST("/api/sessions", { body });
    expect(response.status).toBe(400);
    expect(takeFlagged()?.violations).toEqual([
      expect.objectContaining({ location: ["request", "body"], code: "additionalProperties" }),
    ]);
  });

  it("records Prism's own problem+json error, which carries no sl-violations header", async () => {
    const { response } = await raw.POST("/api/sessions/{id}/cancel", {
      params: { path: { id } },
      body: {} as never,
    });
    expect(response.status).toBe(415);
    expect(takeFlagged()).toMatchObject({ prismError: true, violations: undefined });
  });

  it("the SDK refuses the same bad input with InvalidRequestError and sends nothing", async () => {
    await expect(mix.sessions.fork({ id, messageIndex: 0 })).rejects.toMatchObject({
      name: "InvalidRequestError",
      field: "messageIndex",
    });
    const unknown = { title: "Refactor the billing module", unknownField: true };
    await expect(mix.sessions.create(unknown)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(recorder.exchanges).toEqual([]);
  });
});

describe("the violation detector on a spec whose example breaks its schema", () => {
  let dir = "";
  let broken: Prism | undefined;

  beforeAll(async () => {
    const spec = loadSpec();
    const get = ((spec.paths as Node)["/api/sessions/{id}"] as Node).get as Node;
    const content = ((get.responses as Node)["200"] as Node).content as Node;
    const example = ((content["application/json"] as Node).examples as Node).session as Node;
    example.value = { data: { ...sampleSession, cost: "free" } };
    dir = await mkdtemp(join(tmpdir(), "mix-contract-"));
    await writeFile(join(dir, "openapi.json"), JSON.stringify(spec));
    broken = await startPrism({ spec: join(dir, "openapi.json") });
  }, 60_000);

  afterAll(async () => {
    await broken?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("records the 500 problem+json and its sl-violations header", async () => {
    const client = new Mix({ serverURL: broken?.url, fetch: recorder.fetch, retryConfig: { strategy: "none" } });
    await expect(client.sessions.get({ id })).rejects.toBeInstanceOf(MixDefaultError);
    const flagged = takeFlagged();
    expect(flagged).toMatchObject({ status: 500, prismError: true });
    expect(flagged?.violations).toEqual([expect.objectContaining({ location: ["response", "body", "data", "cost"] })]);
  });
});

describe("the raw client against Prism", () => {
  it("GET of a session returns { data: envelope }", async () => {
    const { data, error, response } = await raw.GET("/api/sessions/{id}", { params: { path: { id } } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toStrictEqual(exampleOf("getSession", 200));
  });

  it("Prefer code=404 returns { error: envelope } with status 404", async () => {
    const { data, error, response } = await raw.GET("/api/sessions/{id}", {
      params: { path: { id } },
      headers: { Prefer: "code=404" },
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toStrictEqual(exampleOf("getSession", 404));
  });
});
