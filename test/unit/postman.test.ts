import { beforeAll, describe, expect, it } from "vitest";
import { specServerURL } from "../../generated/operations.ts";
import { addCodeSamples } from "../../scripts/lib/code-samples.ts";
import { postmanCollection, postmanSchemaURL } from "../../scripts/lib/postman.ts";
import { deref, listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";

type PostmanUrl = { host: string[]; path: string[]; variable?: { key: string; value: string }[] };
type PostmanRequest = { method: string; url: PostmanUrl; body?: { mode?: string; raw: string } };
type PostmanItem = { name: string; item?: PostmanItem[]; request?: PostmanRequest; response?: Node[] };

const spec = loadSpec();
let collection: Node;

/** Every request of a collection, however its folders nest. */
function requests(items: PostmanItem[]): PostmanItem[] {
  return items.flatMap((item) => (item.item ? requests(item.item) : [item]));
}

beforeAll(async () => {
  collection = await postmanCollection(addCodeSamples(structuredClone(spec)));
});

describe("the Postman collection", () => {
  it("declares the v2.1 schema and the spec's server as the baseUrl variable", () => {
    expect((collection.info as Node).schema).toBe(postmanSchemaURL);
    expect(postmanSchemaURL).toContain("/v2.1.0/");
    expect(collection.variable).toEqual([{ key: "baseUrl", value: specServerURL }]);
  });

  it("holds the six requests, one per operation, with the spec's methods, paths and example bodies", () => {
    const found = requests(collection.item as PostmanItem[]).map(({ name, request }) => ({
      name,
      method: request?.method,
      path: `/${request?.url.path.join("/").replace(/:(\w+)/g, "{$1}")}`,
      // The converter writes an empty body object for a request without one.
      body: request?.body?.mode === "raw" ? JSON.parse(request.body.raw) : undefined,
    }));
    const expected = listOperations(spec).map(({ operation, method, path }) => {
      const media = operation.requestBody
        ? ((deref(spec, operation.requestBody).content as Node)["application/json"] as Node)
        : undefined;
      const body = media ? (Object.values(media.examples as Node)[0] as Node).value : undefined;
      return { name: operation.summary, method, path, body };
    });
    expect(found).toEqual(expected);
  });

  it("names no host anywhere: every request and saved response starts at {{baseUrl}}", () => {
    const text = JSON.stringify(collection.item);
    expect(text).not.toContain("localhost");
    expect(text).not.toMatch(/https?:\/\//);
    const all = requests(collection.item as PostmanItem[]);
    const urls = all.flatMap(({ request, response }) => [
      request?.url,
      ...(response ?? []).map((r) => (r.originalRequest as PostmanRequest).url),
    ]);
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) expect(url?.host).toEqual(["{{baseUrl}}"]);
  });

  it("fills each path's id with the spec's example", () => {
    const ids = requests(collection.item as PostmanItem[]).flatMap(({ request }) => request?.url.variable ?? []);
    const example = ((spec.components as Node).parameters as Record<string, Node>).SessionId?.example;
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatchObject({ key: "id", value: example });
  });

  it("comes out the same for the same spec, so rebuilding the portal leaves the file unchanged", async () => {
    const again = await postmanCollection(addCodeSamples(structuredClone(spec)));
    expect(again).toEqual(collection);
  });
});
