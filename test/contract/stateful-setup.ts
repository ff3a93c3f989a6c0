import type { TestProject } from "vitest/node";
import { startMock } from "../../scripts/lib/mock-stack.ts";
import "../helpers/mock-context.ts";

/** Starts the stateful mock (`npm run mock`'s default) on a free port and stops it afterwards. */
export default async function setup(project: TestProject) {
  const mock = await startMock({ port: 0 });
  project.provide("mockURL", mock.url);
  project.provide("mockKind", "stateful");
  return () => mock.stop();
}
