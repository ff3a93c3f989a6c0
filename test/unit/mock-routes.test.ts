import { describe, expect, it } from "vitest";
import { createSessionsModel } from "../../src/mock/model.ts";
import { answer, decodePath, routeOf, routes } from "../../src/mock/routes.ts";

const id = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";

describe("the mock's router", () => {
  it("decodes escapes to bytes read as UTF-8, keeps a byte order mark, and refuses a % without two hex digits", () => {
    expect(decodePath("plain")).toBe("plain");
    expect(decodePath("a%20b%2Fc")).toBe("a b/c");
    expect(decodePath("%E2%82%ACx")).toBe("\u20acx");
    expect(decodePath("%EF%BB%BFid")).toBe("\ufeffid");
    expect(decodePath("%FF%C3%28")).toBe("\ufffd\ufffd(");
    for (const bad of ["100%", "%ZZ", "%a", "x%2"]) expect(decodePath(bad), bad).toBeUndefined();
  });

  it("routes by the spec's path patterns: the operation, its id segment as sent, or 404 / 405", () => {
    const route = (method: string, path: string) => {
      const routing = routeOf(method, path);
      return "status" in routing ? routing.status : [routing.route.operation, routing.segment];
    };
    expect(route("get", "/api/sessions")).toEqual(["list", undefined]);
    expect(route("POST", "/api/sessions/")).toEqual(["create", undefined]);
    expect(route("DELETE", "/api/sessions/a%20b")).toEqual(["delete", "a%20b"]);
    expect(route("POST", `/api/sessions/${id}/fork`)).toEqual(["fork", id]);
    expect(route("POST", `/api/sessions/${id}/cancel/`)).toEqual(["cancelProcessing", id]);
    expect(route("PUT", "/api/sessions")).toBe(405);
    expect(route("GET", "/api/sessions/a/b")).toBe(404);
    expect(routes.map((r) => `${r.method} ${r.words}`)).toEqual([
      "GET list sessions",
      "POST create session",
      "GET get session",
      "DELETE delete session",
      "POST fork session",
      "POST cancel session processing",
    ]);
  });

  it("answers a path that does not decode with 400, and passes the id decoded to the model", () => {
    const model = createSessionsModel();
    expect(answer(model, "GET", "/api/sessions/%ZZ", "")).toEqual({
      status: 400,
      body: {
        error: {
          code: 400,
          type: "bad_request",
          message: 'Invalid request path: a "%" is not followed by two hex digits',
        },
      },
    });
    expect(answer(model, "GET", "/api/sessions/%EF%BB%BFx", "").body).toMatchObject({
      error: { message: "Session with ID '\ufeffx' not found" },
    });
    expect(answer(model, "GET", `/api/sessions/${id}`, "").status).toBe(200);
    expect(answer(model, "PUT", "/api/sessions", "")).toEqual({
      status: 405,
      text: "Method Not Allowed\n",
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  });
});
