import type {} from "vitest";

/** Which mock a contract test project runs against: Prism alone, or the stateful model behind prism proxy. */
export type MockKind = "prism" | "stateful";

declare module "vitest" {
  export interface ProvidedContext {
    /** Prism mocking spec/openapi.yaml (the `contract` project only). */
    prismURL: string;
    /** The mock the project's contract suite runs against. */
    mockURL: string;
    mockKind: MockKind;
  }
}

/** A UUID, any version (Prism's generated ones are not all v4). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 3339 to the second with an offset, as the API writes `createdAt`. */
export const createdAtPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
