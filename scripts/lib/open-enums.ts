import { STRING, tsIntersection, tsLiteral, tsUnion } from "openapi-typescript";
import ts from "typescript";

/**
 * openapi-typescript's `transform` hook for open enums. A string enum marked
 * `x-speakeasy-unknown-values: allow` (Speakeasy's extension for it) lists the values the API
 * sends, so mocks and validators use exactly those; the SDK's type still accepts any other
 * string, written `"a" | "b" | (string & {})` so that editors keep suggesting the known ones.
 */
export function openEnumType(schema: { enum?: unknown[]; [key: string]: unknown }): ts.TypeNode | undefined {
  if (schema["x-speakeasy-unknown-values"] !== "allow" || !Array.isArray(schema.enum)) return undefined;
  const known = schema.enum.filter((value): value is string => typeof value === "string").map((v) => tsLiteral(v));
  return tsUnion([...known, tsIntersection([STRING, ts.factory.createTypeLiteralNode([])])]);
}
