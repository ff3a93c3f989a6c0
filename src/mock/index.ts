export type { Latency } from "./faults.js";
export { createMixMock, type MixMock, type MixMockOptions } from "./msw.js";
export type { MockSeed } from "./seed.js";
