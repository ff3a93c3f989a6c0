import { startPrism } from "../../scripts/lib/prism.ts";

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
 * Starts "the mock" for tests that run user-facing code against it (the portal's samples). The
 * one place to switch when `npm run mock` changes: today it is Prism serving the spec's examples,
 * which keeps no state; a stateful mock restores its seed in `reset` (POST /__mock/reset).
 */
export async function startMock(): Promise<MockServer> {
  const prism = await startPrism();
  return {
    url: prism.url,
    // Prism is stateless: a deleted session is still there, so there is nothing to restore.
    reset: async () => {},
    stop: prism.stop,
  };
}
