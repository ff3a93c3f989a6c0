/**
 * The portal's Postman collection (v2.1), converted from the bundled spec by Postman's own
 * converter, openapi-to-postmanv2, which runs offline.
 */
import { createHash } from "node:crypto";
import { convertV2 } from "openapi-to-postmanv2";
import type { Node } from "./spec.ts";

/** The v2.1 collection schema, as the converter writes it into `info.schema`. */
export const postmanSchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/**
 * Requests and saved responses from the spec's examples, one folder per tag. Only `convertV2`
 * reads `parametersResolution`: the older `convert` ignores it (6.3.3) and fills the requests
 * with placeholders such as "<string>".
 */
const options = {
  folderStrategy: "Tags",
  parametersResolution: "Example",
  includeAuthInfoInExample: false,
} as const;

/** A UUID-shaped id derived from text, so the same spec gives the same file. */
function stableId(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Gives every `id` the converter drew at random (requests, folders, saved responses) one derived
 * from its place in the collection, so rebuilding the portal does not change the file.
 */
function stabilize(node: unknown, where: string): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) stabilize(child, `${where}/${i}`);
  } else if (node && typeof node === "object") {
    const record = node as Node;
    if (typeof record.id === "string" && /^[\da-f]{8}-/.test(record.id)) record.id = stableId(where);
    for (const [key, child] of Object.entries(record)) stabilize(child, `${where}/${key}`);
  }
}

/** Converts a bundled OpenAPI document into a Postman v2.1 collection with `{{baseUrl}}` as a variable. */
export function postmanCollection(spec: Node): Promise<Node> {
  return new Promise((resolve, reject) => {
    convertV2({ type: "json", data: spec }, options, (error, result) => {
      const collection = result?.output?.[0]?.data as Node | undefined;
      if (error || !result?.result || !collection) {
        reject(new Error(`openapi-to-postmanv2 failed: ${error?.message ?? result?.reason ?? "no collection"}`));
        return;
      }
      const info = collection.info as Node;
      info._postman_id = stableId(String(info.name));
      stabilize(collection.item, "item");
      resolve(collection);
    });
  });
}
