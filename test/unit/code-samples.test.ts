import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { operationIds, sessionOperations, specServerURL } from "../../generated/operations.ts";
import { addCodeSamples, renderCodeSamples } from "../../scripts/lib/code-samples.ts";
import { deref, listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";

const spec = loadSpec();
const exampleId = String(((spec.components as Node).parameters as Record<string, Node>).SessionId?.example);
const names = Object.fromEntries(Object.entries(operationIds).map(([name, id]) => [id, name]));

/** The words a shell passes to `curl` when it runs a curl sample. */
function curlWords(source: string): string[] {
  const script = `curl() { for word in "$@"; do printf '%s\\0' "$word"; done; }\n${source}`;
  return execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" }).split("\0").slice(0, -1);
}

function requestExample(found: ReturnType<typeof listOperations>[number]): unknown {
  if (!found.operation.requestBody) return undefined;
  const media = (deref(spec, found.operation.requestBody).content as Node)["application/json"] as Node;
  return (Object.values(media.examples as Node)[0] as Node).value;
}

describe("code samples", () => {
  it("leave the hand-kept spec free of x-codeSamples and add them to every operation of a copy", () => {
    expect(JSON.stringify(spec)).not.toContain("x-codeSamples");
    const bundle = addCodeSamples(structuredClone(spec));
    expect(JSON.stringify(spec)).not.toContain("x-codeSamples");
    for (const { operation } of listOperations(bundle)) {
      expect(operation["x-codeSamples"]).toEqual(renderCodeSamples(spec)[String(operation.operationId)]);
    }
  });

  it.each(listOperations(spec).map((found) => [String(found.operation.operationId), found] as const))(
    "give %s's curl the method, the URL with the example id, and the example body as JSON",
    (operationId, found) => {
      const source = renderCodeSamples(spec)[operationId]?.find((s) => s.label === "curl")?.source ?? "";
      const op = sessionOperations[names[operationId] as keyof typeof sessionOperations];
      const example = requestExample(found);
      const url = `${specServerURL}${op.path.replace("{id}", exampleId)}`;
      const words = curlWords(source);
      expect(words.slice(0, 3)).toEqual(["-X", op.method, url]);
      if (example === undefined) expect(words).toHaveLength(3);
      else {
        expect(words.slice(3, 5)).toEqual(["-H", "Content-Type: application/json"]);
        expect(words[5]).toBe("-d");
        expect(JSON.parse(words[6] ?? "")).toEqual(example);
      }
    },
  );

  it("quote a body with a single quote so the shell passes it to curl unchanged", () => {
    const tricky = structuredClone(spec);
    const create = listOperations(tricky).find((found) => found.operation.operationId === "createSession");
    const media = (deref(tricky, create?.operation.requestBody).content as Node)["application/json"] as Node;
    const value = { title: 'Bob\'s "fix" $HOME `x` \\n' };
    media.examples = { tricky: { value } };
    const source = renderCodeSamples(tricky).createSession?.find((s) => s.label === "curl")?.source ?? "";
    expect(JSON.parse(curlWords(source)[6] ?? "")).toEqual(value);
  });

  it.each(Object.entries(operationIds))(
    "give %s's TypeScript the import, the client, the call and each documented error",
    (name, operationId) => {
      const source = renderCodeSamples(spec)[operationId]?.find((s) => s.label === "TypeScript")?.source ?? "";
      const op = sessionOperations[name as keyof typeof sessionOperations];
      expect(source).toMatch(/^import \{ Mix, RESTResponseError \} from "mix-sdk";\n/);
      expect(source).toContain(`new Mix({ serverURL: "${specServerURL}" })`);
      expect(source).toContain(`await mix.sessions.${name}(`);
      for (const status of op.errors) expect(source).toMatch(new RegExp(`// ${status}: \\S`));
      const check =
        op.errors.length > 1
          ? `[${op.errors.join(", ")}].includes(error.statusCode)`
          : `error.statusCode === ${op.errors[0]}`;
      expect(source).toContain(`error instanceof RESTResponseError && ${check}`);
    },
  );

  it("name the variable after the data's schema: sessions for a list, session for one", () => {
    const samples = renderCodeSamples(spec);
    const ts = (id: string) => samples[id]?.find((s) => s.label === "TypeScript")?.source ?? "";
    expect(ts("listSessions")).toContain("const sessions = await mix.sessions.list();");
    expect(ts("getSession")).toContain("const session = await mix.sessions.get({");
    expect(ts("deleteSession")).toContain('console.log("Delete a session: done");');
  });

  it("refuse an operation whose path parameter has no example, naming it", () => {
    const bare = structuredClone(spec);
    delete ((bare.components as Node).parameters as Node as { SessionId: Node }).SessionId.example;
    expect(() => renderCodeSamples(bare)).toThrow("code samples: getSession: path parameter id has no example");
  });

  it("refuse an operation whose request body has no example, naming it", () => {
    const bare = structuredClone(spec);
    const fork = listOperations(bare).find((found) => found.operation.operationId === "forkSession");
    delete ((deref(bare, fork?.operation.requestBody).content as Node)["application/json"] as Node).examples;
    expect(() => renderCodeSamples(bare)).toThrow("code samples: forkSession: the request body has no example");
  });
});
