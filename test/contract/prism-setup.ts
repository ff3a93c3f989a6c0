import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.ts";
import "../helpers/mock-context.ts";

/** Starts one Prism mock of spec/openapi.yaml for the contract tests and stops it afterwards. */
export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismURL", prism.url);
  project.provide("mockURL", prism.url);
  project.provide("mockKind", "prism");
  return () => prism.stop();
}
