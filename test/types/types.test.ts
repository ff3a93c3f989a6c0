import { describe, expectTypeOf, it } from "vitest";
import {
  type CancelProcessingResult,
  HTTPClientError,
  Mix,
  MixError,
  type RESTError,
  RESTResponseError,
  type RequestOptions,
  type SessionData,
} from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";

// These assertions are checked by `tsc` (npm run typecheck); the calls never run.
const mix = new Mix();

describe("types", () => {
  it("types each method's result from the spec", () => {
    expectTypeOf(mix.sessions.list).returns.resolves.toEqualTypeOf<SessionData[]>();
    expectTypeOf(mix.sessions.create).returns.resolves.toEqualTypeOf<SessionData>();
    expectTypeOf(mix.sessions.get).returns.resolves.toEqualTypeOf<SessionData>();
    expectTypeOf(mix.sessions.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(mix.sessions.fork).returns.resolves.toEqualTypeOf<SessionData>();
    expectTypeOf(mix.sessions.cancelProcessing).returns.resolves.toEqualTypeOf<CancelProcessingResult>();
    expectTypeOf<SessionData["createdAt"]>().toEqualTypeOf<string>();
    expectTypeOf<SessionData["workingDirectory"]>().toEqualTypeOf<string | undefined>();
  });

  it("makes required parameters required", () => {
    const typeOnly = () => {
      // @ts-expect-error id is required
      mix.sessions.get({});
      // @ts-expect-error params are required for get
      mix.sessions.get();
      // @ts-expect-error messageIndex is required
      mix.sessions.fork({ id: "s1" });
      // @ts-expect-error messageIndex is a number
      mix.sessions.fork({ id: "s1", messageIndex: "1" });
      // @ts-expect-error unknown fields are refused
      mix.sessions.create({ name: "x" });
      // @ts-expect-error list takes options only
      mix.sessions.list({ id: "s1" });
      mix.sessions.create();
      mix.sessions.fork({ id: "s1", messageIndex: 1, title: "t" }, { timeoutMs: 5, retries: { strategy: "none" } });
    };
    expectTypeOf(typeOnly).toBeFunction();
    expectTypeOf(mix.sessions.get).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
  });

  it("lets errors be narrowed", () => {
    const narrow = (error: unknown) => {
      if (error instanceof RESTResponseError) {
        expectTypeOf(error.statusCode).toBeNumber();
        expectTypeOf(error.data.error).toEqualTypeOf<RESTError | undefined>();
        expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
      } else if (error instanceof MixError) {
        expectTypeOf(error.headers).toEqualTypeOf<Headers>();
        expectTypeOf(error.body).toBeString();
      } else if (error instanceof HTTPClientError) {
        expectTypeOf(error.cause).toBeUnknown();
      }
    };
    expectTypeOf(narrow).toBeFunction();
    expectTypeOf<RESTError["type"]>().toExtend<string>();
  });

  it("keeps RESTError.type open to kinds a newer server adds, while it names the known ones", () => {
    expectTypeOf<"not_found">().toExtend<RESTError["type"]>();
    expectTypeOf<"a_kind_from_a_newer_server">().toExtend<RESTError["type"]>();
    expectTypeOf<Extract<RESTError["type"], "validation_error">>().toEqualTypeOf<"validation_error">();
  });

  it("types the raw client from the spec's paths", () => {
    const typeOnly = async () => {
      const { data } = await createRawClient(mix).GET("/api/sessions/{id}", { params: { path: { id: "s1" } } });
      expectTypeOf(data?.data).toEqualTypeOf<SessionData | undefined>();
      // @ts-expect-error not a path of the spec
      await createRawClient(mix).GET("/api/users");
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
