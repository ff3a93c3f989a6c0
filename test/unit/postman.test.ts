import { beforeAll, describe, expect, it } from "vitest";
import { specServerURL } from "../../generated/operations.ts";
import { loadArazzo } from "../../scripts/lib/arazzo.ts";
import { addCodeSamples } from "../../scripts/lib/code-samples.ts";
import { postmanCollection, postmanSchemaURL } from "../../scripts/lib/postman.ts";
import { listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";

type PostmanUrl = { host: string[]; path: string[]; variable?: { key: string; value: string }[] };
type PostmanRequest = {
  method: string;
  url: PostmanUrl;
  body?: { mode?: string; raw: string };
  description?: { content: string };
};
type PostmanItem = {
  name: string;
  item?: PostmanItem[];
  request?: PostmanRequest;
  response?: Node[];
  event?: { listen: string; script: { exec: string[] } }[];
};

const spec = loadSpec();
const arazzo = loadArazzo();
const operations = new Map(listOperations(spec).map((o) => [o.operation.operationId, o]));
let collection: Node;
let folders: PostmanItem[];

/** Every request of a collection, in the order a runner sends them. */
function requests(items: PostmanItem[]): PostmanItem[] {
  return items.flatMap((item) => (item.item ? requests(item.item) : [item]));
}
const script = (item: PostmanItem) => item.event?.find((e) => e.listen === "test")?.script.exec.join("\n") ?? "";

beforeAll(async () => {
  collection = await postmanCollection(addCodeSamples(structuredClone(spec)));
  folders = collection.item as PostmanItem[];
});

describe("the Postman collection", () => {
  it("declares the v2.1 schema, the spec's server as baseUrl, and the workflows' inputs", () => {
    expect((collection.info as Node).schema).toBe(postmanSchemaURL);
    expect(postmanSchemaURL).toContain("/v2.1.0/");
    expect(collection.variable).toEqual([
      { key: "baseUrl", value: specServerURL },
      { key: "unknown-id.id", value: "00000000-0000-4000-8000-000000000000" },
    ]);
  });

  it("is the Arazzo workflows in order: one folder each, one request per step, with its method, path and body", () => {
    expect(folders.map((f) => f.name)).toEqual(arazzo.workflows.map((w) => w.workflowId));
    for (const [i, workflow] of arazzo.workflows.entries()) {
      const found = (folders[i]?.item ?? []).map(({ name, request }) => ({
        name,
        method: request?.method,
        path: `/${request?.url.path.join("/").replace(/:(\w+)/g, "{$1}")}`,
        body: request?.body?.mode === "raw" ? JSON.parse(request.body.raw) : undefined,
      }));
      const expected = workflow.steps.map((step) => ({
        name: step.description,
        method: operations.get(step.operationId)?.method,
        path: operations.get(step.operationId)?.path,
        body: step.requestBody?.payload,
      }));
      expect(found).toEqual(expected);
    }
  });

  it("carries the created session's id to the next requests in collection variables", () => {
    const lifecycle = folders.find((f) => f.name === "session-lifecycle")?.item ?? [];
    const ids = lifecycle.map((item) => item.request?.url.variable?.[0]?.value ?? null);
    expect(ids).toEqual([
      null,
      "{{create.id}}",
      null,
      "{{create.id}}",
      "{{create.id}}",
      "{{create.id}}",
      "{{fork.id}}",
      "{{create.id}}",
      "{{create.id}}",
    ]);
    expect(script(lifecycle[0] as PostmanItem)).toContain(
      'pm.collectionVariables.set("create.id", body?.["data"]?.["id"]);',
    );
  });

  it("sets every variable a request reads in an earlier request, or as a collection variable", () => {
    const known = new Set((collection.variable as { key: string }[]).map((v) => v.key));
    for (const item of requests(folders)) {
      const read = [...JSON.stringify(item.request).matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1]);
      for (const name of read) expect(known.has(name ?? ""), `${item.name} reads {{${name}}}`).toBe(true);
      for (const m of script(item).matchAll(/pm\.collectionVariables\.set\("([^"]+)"/g)) known.add(m[1] ?? "");
    }
  });

  it("tests each request's status and shape: the spec's schema for that status, or an empty body", () => {
    const all = requests(folders);
    expect(all).toHaveLength(arazzo.workflows.flatMap((w) => w.steps).length);
    for (const item of all) {
      expect(script(item), item.name).toMatch(
        /^pm\.test\("status is (\d{3})", \(\) => pm\.response\.to\.have\.status\(\1\)\);$/m,
      );
      expect(script(item), item.name).toMatch(/pm\.response\.to\.have\.jsonSchema\(\{|pm\.test\("the body is empty"/);
    }
    // Postman's Ajv 6 refuses OpenAPI's numeric formats; the inlined schemas leave them out.
    expect(JSON.stringify(folders)).not.toContain('\\"format\\":\\"double\\"');
  });

  it("turns simple criteria into tests, and says which ones only Respect checks", () => {
    const all = requests(folders);
    const fork = all.find((i) => i.name.startsWith("Fork it at message 1"));
    expect(script(fork as PostmanItem)).toContain(
      'pm.test("$response.body#/data/title == \\"Forked Session\\"", () => pm.expect(body?.["data"]?.["title"]).to.eql("Forked Session"));',
    );
    const respectOnly = all.filter((i) => i.request?.description?.content.includes("Respect also checks"));
    expect(respectOnly.map((i) => i.name)).toEqual(["List the sessions: the new one is among them."]);
  });

  it("names no host anywhere: every request and saved response starts at {{baseUrl}}", () => {
    const text = JSON.stringify(collection.item);
    expect(text).not.toContain("localhost");
    expect(text).not.toMatch(/https?:\/\//);
    const urls = requests(folders).flatMap(({ request, response }) => [
      request?.url,
      ...(response ?? []).map((r) => (r.originalRequest as PostmanRequest).url),
    ]);
    expect(urls.length).toBeGreaterThan(21);
    for (const url of urls) expect(url?.host).toEqual(["{{baseUrl}}"]);
  });

  it("comes out the same for the same spec, so rebuilding the portal leaves the file unchanged", async () => {
    const again = await postmanCollection(addCodeSamples(structuredClone(spec)));
    expect(again).toEqual(collection);
  });
});
