import { QueryClient, useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useQuery as useVueQuery } from "@tanstack/vue-query";
import { describe, expectTypeOf, it } from "vitest";
import { type CancelProcessingResult, Mix, RESTResponseError, type SessionData } from "../../src/index.ts";
import { type MixQueryError, sessionKeys, sessionQueries } from "../../src/query/index.ts";

// Checked by `tsc` (npm run typecheck): the hooks are never called.
const q = sessionQueries(new Mix());
const client = new QueryClient();

describe("the types of mix-sdk/query", () => {
  it("gives React's useQuery the data and the SDK's error types, with no generic spelled out", () => {
    const typeOnly = () => {
      const list = useQuery(q.list());
      expectTypeOf(list.data).toEqualTypeOf<SessionData[] | undefined>();
      expectTypeOf(list.error).toEqualTypeOf<MixQueryError | null>();
      expectTypeOf(useQuery(q.get({ id: "s1" })).data).toEqualTypeOf<SessionData | undefined>();
      expectTypeOf(useSuspenseQuery(q.list()).data).toEqualTypeOf<SessionData[]>();
      const { error } = useQuery({ ...q.list(), select: (sessions) => sessions.length });
      if (error instanceof RESTResponseError) expectTypeOf(error.data).not.toBeAny();
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it("gives Vue's useQuery the same types", () => {
    const typeOnly = () => {
      const list = useVueQuery(q.list());
      expectTypeOf(list.data.value).toEqualTypeOf<SessionData[] | undefined>();
      expectTypeOf(list.error.value).toEqualTypeOf<MixQueryError | null>();
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it("types each mutation's variables, result and error", () => {
    const typeOnly = () => {
      const create = useMutation(q.create());
      create.mutate();
      create.mutate({ title: "t", workingDirectory: "/w" });
      // @ts-expect-error the server rejects unknown fields
      create.mutate({ name: "t" });
      expectTypeOf(create.data).toEqualTypeOf<SessionData | undefined>();
      expectTypeOf(create.error).toEqualTypeOf<MixQueryError | null>();
      useMutation(q.fork()).mutate({ id: "s1", messageIndex: 2, title: "f" });
      // @ts-expect-error messageIndex is required
      useMutation(q.fork()).mutate({ id: "s1" });
      // @ts-expect-error the id is required
      useMutation(q.delete()).mutate();
      expectTypeOf(useMutation(q.delete()).data).toEqualTypeOf<
        Awaited<ReturnType<Mix["sessions"]["delete"]>> | undefined
      >();
      expectTypeOf(useMutation(q.cancelProcessing()).data).toEqualTypeOf<CancelProcessingResult | undefined>();
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it("tags the exported keys with their data, for the QueryClient's own methods", () => {
    expectTypeOf(client.getQueryData(sessionKeys.list())).toEqualTypeOf<SessionData[] | undefined>();
    expectTypeOf(client.getQueryData(sessionKeys.detail("s1"))).toEqualTypeOf<SessionData | undefined>();
    expectTypeOf(client.fetchQuery(q.get({ id: "s1" }))).resolves.toEqualTypeOf<SessionData>();
    const typeOnly = () => {
      // @ts-expect-error a list is not a session
      client.setQueryData(sessionKeys.detail("s1"), [] as SessionData[]);
    };
    expectTypeOf(typeOnly).toBeFunction();
    expectTypeOf(sessionKeys.all).toEqualTypeOf<readonly ["mix", "sessions"]>();
    expectTypeOf(q.list().retry).toEqualTypeOf<false>();
  });
});
