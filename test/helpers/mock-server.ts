import { startMock as startMockStack } from "../../scripts/lib/mock-stack.ts";

/** A running mock of the API, as `npm run mock` serves it to users. */
export type MockServer = {
  /** Base URL, for example `http://127.0.0.1:40123`. */
  url: string;
  /** Restores the mock's seed data, so a flow that deleted a session can run again. */
  reset: () => Promise<void>;
  /** Stops the mock and every process it started. */
  stop: () => Promise<void>;
};

/**
 * Starts "the mock" for tests that run user-facing code against it (the portal's samples):
 * `npm run mock`'s default, the stateful model behind prism proxy, on a free port. `reset`
 * restores its seed (POST /__mock/reset).
 */
export async function startMock(): Promise<MockServer> {
  const mock = await startMockStack({ port: 0 });
  return {
    url: mock.url,
    reset: async () => {
      const response = await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`POST /__mock/reset answered ${response.status}`);
    },
    stop: mock.stop,
  };
}
