// Makes N calls of one contender over a stubbed fetch, for instruction counting under callgrind:
//   node --predictable --single-threaded instructions-child.mjs <contender> <sdk dist/index.js> <calls>
// Plain JavaScript, so no loader is counted; the stub answers at once, so only client code runs.
import createClient from "openapi-fetch";

const [name, sdkPath, count] = process.argv.slice(2);
const base = "http://127.0.0.1:1";
const id = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";
const body = JSON.stringify({ data: { id, title: "t", createdAt: "2025-09-10T18:59:13+05:30" } });
const init = { status: 200, headers: { "content-type": "application/json" } };
globalThis.fetch = async () => new Response(body, init);
const makers = {
  raw: async () => async () => (await fetch(`${base}/api/sessions/${id}`)).json(),
  "openapi-fetch": async () => {
    const client = createClient({ baseUrl: base, fetch: (request) => globalThis.fetch(request) });
    return async () => (await client.GET("/api/sessions/{id}", { params: { path: { id } } })).data;
  },
  "mix-sdk": async () => {
    const { Mix } = await import(sdkPath);
    const mix = new Mix({ serverURL: base });
    return () => mix.sessions.get({ id });
  },
};
const call = await makers[name]();
for (let i = 0; i < Number(count); i++) await call();
