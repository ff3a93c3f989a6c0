// Measures the heap after N calls of one contender, in a fresh process run with --expose-gc:
//   node --expose-gc heap-child.mjs <contender> <serverURL> <calls>
// Plain JavaScript, so no loader adds to the heap; the SDK comes from the built dist/.
import createClient from "openapi-fetch";
import { Mix } from "../../dist/index.js";

const [name, base, count] = process.argv.slice(2);
const id = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";
const makers = {
  raw: () => async () => (await fetch(`${base}/api/sessions/${id}`)).json(),
  "openapi-fetch": () => {
    const client = createClient({ baseUrl: base });
    return async () => (await client.GET("/api/sessions/{id}", { params: { path: { id } } })).data;
  },
  "mix-sdk": () => {
    const mix = new Mix({ serverURL: base });
    return () => mix.sessions.get({ id });
  },
};
const call = makers[name]();
for (let i = 0; i < Number(count); i++) await call();
for (let i = 0; i < 3; i++) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
console.log(process.memoryUsage().heapUsed);
