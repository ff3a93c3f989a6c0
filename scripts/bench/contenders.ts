import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";

/** One way to get a session: returns a function that performs one call. */
export type Contender = { name: string; make: (serverURL: string) => () => Promise<unknown> };

/** The id every benchmark call asks for. */
export const sessionId = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";

/**
 * The clients compared: a bare fetch, openapi-fetch used by hand, and this SDK with its
 * defaults (retries, a 60 s timeout and error mapping all on). `sdk` is the module to load
 * the SDK from (the built package by default).
 */
export function contenders(sdk: { Mix: typeof import("../../src/index.ts").Mix }): Contender[] {
  return [
    {
      name: "raw fetch + res.json()",
      make: (base) => {
        const url = `${base}/api/sessions/${sessionId}`;
        return async () => (await fetch(url)).json();
      },
    },
    {
      name: "openapi-fetch alone",
      make: (base) => {
        const client = createClient<paths>({ baseUrl: base });
        return async () => (await client.GET("/api/sessions/{id}", { params: { path: { id: sessionId } } })).data;
      },
    },
    {
      name: "mix-sdk",
      make: (base) => {
        const mix = new sdk.Mix({ serverURL: base });
        return () => mix.sessions.get({ id: sessionId });
      },
    },
  ];
}
