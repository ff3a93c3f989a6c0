import { afterAll, beforeAll } from "vitest";
import { type MockConfig, type RunningMock, startMock } from "../../scripts/lib/mock-stack.ts";
import { Mix } from "../../src/index.ts";
import { createViolationRecorder } from "./violation-recorder.ts";

/** A mock of the test file's own (on a free port), the lines it logged, and an SDK client that records violations. */
export type MockFixture = {
  mock: RunningMock;
  mix: Mix;
  recorder: ReturnType<typeof createViolationRecorder>;
  log: string[];
  /** Sends a request to the mock as is, for what the SDK would refuse to send. */
  send: (path: string, init?: RequestInit) => Promise<Response>;
};

/** Starts a mock with `config` before the file's tests and stops it after them. */
export function useMock(config: MockConfig = {}): MockFixture {
  const fixture = { log: [] as string[], recorder: createViolationRecorder() } as MockFixture;
  beforeAll(async () => {
    fixture.mock = await startMock({ port: 0, ...config, log: (line) => fixture.log.push(line) });
    fixture.mix = new Mix({
      serverURL: fixture.mock.url,
      fetch: fixture.recorder.fetch,
      retryConfig: { strategy: "none" },
    });
    fixture.send = (path, init) => fetch(`${fixture.mock.url}${path}`, init);
  });
  afterAll(() => fixture.mock?.stop());
  return fixture;
}

/** The JSON body and headers of a response. */
export async function readJson(response: Response): Promise<{ status: number; body: unknown; headers: Headers }> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
