import http from "node:http";
import type { BadInput } from "./mock-bad-inputs.ts";

/** An answer as received: status, headers and body text. */
export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/**
 * Sends a request exactly as given (node:http: the path as written, a body on a GET), and
 * reads the whole answer. Rejects after `timeoutMs`.
 */
export function sendRaw(
  base: string,
  input: Pick<BadInput, "method" | "path" | "body" | "headers">,
  timeoutMs = 30_000,
) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    // Node sends a GET's body without a length unless told: the server would read it as the next request.
    const length = input.body === undefined ? {} : { "content-length": String(Buffer.byteLength(input.body)) };
    const headers = { ...length, ...input.headers };
    // http.request read at call time: MSW replaces it on the module object, not in named imports.
    const req = http.request({ hostname, port, method: input.method, path: input.path, headers });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(input.body);
  });
}

/** The error envelope of an answer, or undefined when the body is not one. */
export function errorOf(answer: RawAnswer): { code: number; type: string; message: string } | undefined {
  try {
    return (JSON.parse(answer.text) as { error?: { code: number; type: string; message: string } }).error;
  } catch {
    return undefined;
  }
}
