/** Files of a fresh consumer project that installs the packed tarball. */

/**
 * One consumer program in both module systems: as ESM, `imports` and then `body` at the top
 * level; as CommonJS, the same names required and the same body in an async function.
 */
function inBothModuleSystems(imports: [names: string, from: string][], body: string) {
  const esm = imports.map(([names, from]) => `import { ${names} } from "${from}";\n`).join("");
  const cjs = imports.map(([names, from]) => `const { ${names} } = require("${from}");\n`).join("");
  return { esm: `${esm}${body}`, cjs: `${cjs}(async () => {\n${body}})();\n` };
}

const clientConsumer = inBothModuleSystems(
  [
    ["InvalidRequestError, Mix, RESTResponseError", "mix-sdk"],
    ["createRawClient", "mix-sdk/raw"],
  ],
  `const mix = new Mix({ serverURL: process.env.SERVER_URL, retryConfig: { strategy: "none" } });
const session = await mix.sessions.get({ id: "s1" });
const rawClient = createRawClient(mix);
const raw = await rawClient.GET("/api/sessions/{id}", { params: { path: { id: "s1" } } });
const error = await mix.sessions.get({ id: "missing" }).catch((e) => e);
const refused = await rawClient.DELETE("/api/sessions/{id}", { params: { path: { id: ".." } } }).catch((e) => e);
const restError = error instanceof RESTResponseError && refused instanceof InvalidRequestError;
console.log(JSON.stringify({ id: session.id, raw: raw.data?.data?.id, restError }));
`,
);

/**
 * An ESM consumer: imports by name, calls the SDK and mix-sdk/raw, prints JSON. The raw client's
 * refusal of an id of ".." must be the main entry's own InvalidRequestError class.
 */
export const esmConsumer = clientConsumer.esm;

/** The same from CommonJS, with require. */
export const cjsConsumer = clientConsumer.cjs;

/** A typed consumer: compiles only if the shipped types are right. */
export const typedConsumer = `import { MutationObserver, QueryClient } from "@tanstack/query-core";
import { Mix, RESTResponseError, type SessionData } from "mix-sdk";
import { createMixMock, type MixMock } from "mix-sdk/mock";
import { type MixQueryError, sessionKeys, sessionQueries } from "mix-sdk/query";
import { createRawClient } from "mix-sdk/raw";
export async function cached(mix: Mix, client: QueryClient): Promise<SessionData | undefined> {
  const q = sessionQueries(mix);
  const sessions: SessionData[] = await client.fetchQuery(q.list());
  const fork: SessionData = await new MutationObserver(client, q.fork()).mutate({ id: "s1", messageIndex: 1 });
  // @ts-expect-error messageIndex is required
  await new MutationObserver(client, q.fork()).mutate({ id: "s1" });
  const error: MixQueryError | null | undefined = client.getQueryState(sessionKeys.list())?.error;
  if (error instanceof RESTResponseError) return undefined;
  return client.getQueryData(sessionKeys.detail(fork.id ?? sessions[0]?.id));
}
export const mock: MixMock = createMixMock({ seed: "empty", latencyMs: [10, 20], baseURL: "*" });
export const stored: SessionData[] = mock.sessions();
export async function titles(mix: Mix): Promise<string[]> {
  const sessions: SessionData[] = await mix.sessions.list();
  const fork: SessionData = await mix.sessions.fork({ id: "s1", messageIndex: 2 });
  const raw = await createRawClient(mix).GET("/api/sessions/{id}", { params: { path: { id: fork.id } } });
  // @ts-expect-error not a path of the spec
  await createRawClient(mix).GET("/api/users");
  try {
    await mix.sessions.get({ id: raw.data?.data.id ?? "" });
  } catch (error) {
    if (error instanceof RESTResponseError) return [error.data.error?.message ?? ""];
  }
  // @ts-expect-error messageIndex is required
  await mix.sessions.fork({ id: "s1" });
  return sessions.map((s) => s.title);
}
`;

/** A tsconfig for one module resolution mode. */
export function tsconfig(mode: "nodenext" | "bundler", files: string[]): string {
  const module = mode === "nodenext" ? "NodeNext" : "ESNext";
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module,
      moduleResolution: mode,
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      types: [],
    },
    files,
  });
}

const mockConsumer = inBothModuleSystems(
  [
    ["setupServer", "msw/node"],
    ["Mix", "mix-sdk"],
    ["createMixMock", "mix-sdk/mock"],
  ],
  `const mock = createMixMock();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: "error" });
const mix = new Mix({ retryConfig: { strategy: "none" } });
const created = await mix.sessions.create({ title: "packed" });
const list = await mix.sessions.list();
server.close();
console.log(JSON.stringify({ title: created.title, first: list[0].id === created.id, stored: mock.sessions().length }));
`,
);

/** An ESM consumer of mix-sdk/mock: MSW's setupServer with the mock's handlers, the SDK on top. */
export const mockEsmConsumer = mockConsumer.esm;

/** The same from CommonJS, with require. */
export const mockCjsConsumer = mockConsumer.cjs;

const queryConsumer = inBothModuleSystems(
  [
    ["MutationObserver, QueryClient", "@tanstack/query-core"],
    ["Mix, RESTResponseError", "mix-sdk"],
    ["sessionKeys, sessionQueries", "mix-sdk/query"],
  ],
  `const q = sessionQueries(new Mix({ serverURL: process.env.SERVER_URL, retryConfig: { strategy: "none" } }));
const client = new QueryClient();
const session = await client.fetchQuery(q.get({ id: "s1" }));
const created = await new MutationObserver(client, q.create()).mutate({ title: "packed" });
const cached = client.getQueryData(sessionKeys.detail(created.id))?.id === created.id;
const error = await client.fetchQuery(q.get({ id: "missing" })).catch((e) => e);
client.clear();
console.log(JSON.stringify({ id: session.id, cached, restError: error instanceof RESTResponseError }));
`,
);

/**
 * An ESM consumer of mix-sdk/query with @tanstack/query-core alone (no framework): a query, a
 * create whose answer lands in the cache, and a 404 that is the main entry's own error class.
 */
export const queryEsmConsumer = queryConsumer.esm;

/** The same from CommonJS, with require. */
export const queryCjsConsumer = queryConsumer.cjs;
