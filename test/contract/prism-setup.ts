import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prismURL: string;
  }
}

/** Starts one Prism mock of spec/openapi.yaml for the contract tests and stops it afterwards. */
export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismURL", prism.url);
  return () => prism.stop();
}
