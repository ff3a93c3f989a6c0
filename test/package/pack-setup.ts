import { rmSync } from "node:fs";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { packTarball } from "../helpers/packed-package.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The packed package, shared by the package tests (packing builds dist/, so it is done once). */
    tarball: string;
  }
}

/** Packs the package once for every test file of the package project and removes it afterwards. */
export default async function setup(project: TestProject) {
  const { tarball, dir } = await packTarball();
  project.provide("tarball", tarball);
  return () => rmSync(dir, { recursive: true, force: true });
}
