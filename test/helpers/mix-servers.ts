import type { ServerResponse } from "node:http";
import { sendMockResponse } from "../../scripts/lib/mock-http.ts";
import { createSessionsModel } from "../../src/mock/model.ts";
import { answer } from "../../src/mock/routes.ts";
import { type Recorded, startServer, type TestServer } from "./http-server.ts";

/**
 * Mix servers on 127.0.0.1 for the conformance check and the browser tests, both the mock's
 * model with no session at the start: `spec` follows spec/openapi.yaml; `real` does what the
 * real Mix server is known to do instead (the model's `quirks`, spec/README.md lists them).
 */
export type Flavour = "spec" | "real";

/** The real Mix server's CORS rules. */
const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
  "access-control-allow-headers": "Content-Type, Authorization, X-Requested-With",
};
const allowedHeaders = new Set(["content-type", "authorization", "x-requested-with"]);

/** Answers a preflight as the real server's CORS middleware does: an unlisted header gets no grant. */
function preflight(req: Recorded, res: ServerResponse) {
  const requested = String(req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  res.writeHead(204, requested.every((h) => allowedHeaders.has(h)) ? cors : { "access-control-allow-origin": "*" });
  res.end();
}

/**
 * Starts a Mix server of the given flavour. The `real` one also enforces the real server's
 * CORS rules, for browser tests. Close it in the test that started it.
 */
export function startMixServer(flavour: Flavour): Promise<TestServer> {
  const real = flavour === "real";
  const model = createSessionsModel({ seed: "empty", quirks: real });
  return startServer((req, res) => {
    if (real && req.method === "OPTIONS") return preflight(req, res);
    const { pathname } = new URL(req.url, "http://mix");
    // As a server sends it: without the mock's own mark on a quirk.
    const { quirk: _, ...response } = answer(model, req.method, pathname, req.body);
    sendMockResponse(res, response, real ? cors : {});
  });
}
