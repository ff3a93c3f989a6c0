import { expect } from "vitest";

/** One request that went through the recorder, with what Prism said about it. */
export type RecordedExchange = {
  method: string;
  url: string;
  status: number;
  /** The parsed `sl-violations` header (the raw text if it is not JSON); undefined when absent. */
  violations: unknown;
  /** True for an `application/problem+json` answer: Prism's own error, never a documented response. */
  prismError: boolean;
};

/** A fetch for `new Mix({ fetch })` that records every exchange with a Prism mock. */
export type ViolationRecorder = {
  /** Sends the request with the global fetch and records the answer. */
  fetch: (request: Request) => Promise<Response>;
  /** Every exchange since the last `clear()`, in order. */
  exchanges: RecordedExchange[];
  /** The exchanges Prism objected to: an `sl-violations` header or a problem+json error of its own. */
  flagged: () => RecordedExchange[];
  /** Forgets everything recorded so far. */
  clear: () => void;
};

function parseViolations(header: string | null): unknown {
  if (header === null) return undefined;
  try {
    return JSON.parse(header);
  } catch {
    return header;
  }
}

/**
 * Records Prism's verdict on each request. With `--errors`, Prism reports a request that breaks
 * the spec, or an example that breaks its own schema, only in the `sl-violations` header (the
 * body is still a documented response), so a test must look at that header to notice.
 */
export function createViolationRecorder(): ViolationRecorder {
  const exchanges: RecordedExchange[] = [];
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request);
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      violations: parseViolations(response.headers.get("sl-violations")),
      prismError: (response.headers.get("content-type") ?? "").startsWith("application/problem+json"),
    });
    return response;
  };
  return {
    fetch,
    exchanges,
    flagged: () => exchanges.filter((e) => e.violations !== undefined || e.prismError),
    clear: () => {
      exchanges.length = 0;
    },
  };
}

/**
 * Fails the current test if Prism objected to any request since the last check, then clears
 * the recorder (also on failure, so one bad test does not fail the next). Use in `afterEach`.
 */
export function expectNoViolations(recorder: ViolationRecorder): void {
  const flagged = recorder.flagged();
  recorder.clear();
  expect(flagged, "Prism reported a violation (sl-violations header or its own problem+json error)").toEqual([]);
}
