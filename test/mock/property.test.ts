import fc from "fast-check";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import type { SessionData } from "../../src/index.ts";
import { createMixMock } from "../../src/mock/index.ts";
import { useMock } from "../helpers/mock-client.ts";
import { answerProblem, type RandomRequest, randomRequest, storeOracle } from "../helpers/mock-random-requests.ts";
import { sendRaw } from "../helpers/raw-request.ts";

/** Change it (MIX_MOCK_PROPERTY_SEED) to explore; a failure names the seed and the request. */
const seed = Number(process.env.MIX_MOCK_PROPERTY_SEED ?? 20261206);
const requests: RandomRequest[] = fc.sample(randomRequest, { seed, numRuns: 1000 });

/** Sends every request in turn, checking each answer and following the store; then checks the store. */
async function run(base: string, skip: (request: RandomRequest) => boolean = () => false) {
  const oracle = storeOracle();
  for (const [i, request] of requests.entries()) {
    if (skip(request)) continue;
    const answer = await sendRaw(base, request);
    const problem = answerProblem(request, answer);
    if (problem) expect.fail(`request ${i} (seed ${seed}) ${request.method} ${request.path.slice(0, 80)}: ${problem}`);
    oracle.follow(request, answer);
  }
  const list = await sendRaw(base, { method: "GET", path: "/api/sessions" });
  expect(list.status).toBe(200);
  const listed = (JSON.parse(list.text) as { data: SessionData[] }).data;
  expect(new Set(listed.map((s) => s.id))).toEqual(oracle.ids);
  expect(listed).toHaveLength(oracle.ids.size);
  for (const session of listed.slice(0, 20)) {
    const got = await sendRaw(base, { method: "GET", path: `/api/sessions/${encodeURIComponent(session.id)}` });
    const { firstUserMessage: _, ...withoutFirst } = session;
    expect([got.status, JSON.parse(got.text)]).toEqual([200, { data: withoutFirst }]);
  }
  return listed;
}

describe(`1,000 random requests (seed ${seed})`, () => {
  const t = useMock();

  it("leave the checked server answering as the API does, with a store that agrees with every answer", {
    timeout: 240_000,
  }, async () => {
    const pid = t.mock.prism?.pid;
    const listed = await run(t.mock.url);
    const store = await sendRaw(t.mock.url, { method: "GET", path: "/__mock/sessions" });
    expect(JSON.parse(store.text)).toEqual({ data: listed });
    expect(t.mock.prism?.pid).toBe(pid);
  });

  it("leave mix-sdk/mock's handlers the same, and agree with its sessions()", async () => {
    const mock = createMixMock();
    // Any other path: what the server's router answers, so that no request leaves the process.
    const elsewhere = http.all("*", () => new HttpResponse("404 page not found\n", { status: 404 }));
    const server = setupServer(...mock.handlers, elsewhere);
    server.listen({ onUnhandledRequest: "error" });
    try {
      // MSW's interceptor cannot make a URL of a path that starts with "//"; a browser's fetch would not send one.
      const listed = await run("http://localhost:8088", (request) => request.path.startsWith("//"));
      expect(mock.sessions()).toEqual(listed);
    } finally {
      server.close();
    }
  });
});
