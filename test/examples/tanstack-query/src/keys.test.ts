import { QueryClient } from "@tanstack/react-query";
import type { SessionData } from "mix-sdk";
import { sessionKeys } from "mix-sdk/query";
import { expect, expectTypeOf, it } from "vitest";

it("names every query and mutation under one root, and types the data under each key", () => {
  expect(sessionKeys.all).toEqual(["mix", "sessions"]); // every query and mutation below
  expect(sessionKeys.list()).toEqual(["mix", "sessions", "list"]);
  expect(sessionKeys.details()).toEqual(["mix", "sessions", "detail"]); // every session fetched by id
  expect(sessionKeys.detail("7f3c2a4e")).toEqual(["mix", "sessions", "detail", "7f3c2a4e"]);
  expect(sessionKeys.mutation("create")).toEqual(["mix", "sessions", "create"]); // and fork, delete, cancelProcessing

  const queryClient = new QueryClient();
  expectTypeOf(queryClient.getQueryData(sessionKeys.list())).toEqualTypeOf<SessionData[] | undefined>();
});
