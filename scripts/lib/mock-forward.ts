import { type IncomingHttpHeaders, type IncomingMessage, request } from "node:http";
import { quirkHeader, requestHeader } from "./mock-http.ts";
import { violationsOf } from "./mock-screen.ts";

/** How long Prism may take to begin an answer before it is taken for stuck, by default: 15 s. */
export const prismAnswerTimeout = 15_000;

/** Request headers that describe the connection or the body as sent, not the request. */
const dropped = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "expect", "upgrade"]);

/** The headers to pass on to Prism: the client's, with the body's length, the request's id, and without `omit`. */
export function forwardHeaders(headers: IncomingHttpHeaders, length: number, id: string, omit: readonly string[]) {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !dropped.has(name) && !omit.includes(name) && !name.startsWith("x-mix-mock-"))
      out[name] = value;
  return { ...out, "content-length": String(length), [requestHeader]: id };
}

/** Prism's answer, its headers as the client gets them, and the violations it reported. */
export type Forwarded = {
  upstream: IncomingMessage;
  headers: Record<string, string | string[]>;
  violations: string[];
};

/** Prism's headers as the client gets them: without CORS (the front sets its own), quirks unvalidated. */
function answerHeaders(upstream: IncomingMessage): Omit<Forwarded, "upstream"> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream.headers))
    if (value !== undefined && !name.startsWith("access-control-")) headers[name] = value;
  const quirk = headers[quirkHeader] !== undefined;
  delete headers[quirkHeader];
  if (quirk) delete headers["sl-violations"];
  return { headers, violations: quirk ? [] : violationsOf(upstream.headers["sl-violations"]) };
}

/**
 * Sends one request to Prism and resolves with the start of its answer. Rejects when Prism
 * cannot be reached, breaks off before answering, or takes longer than `timeoutMs` (default
 * `prismAnswerTimeout`; the error's `code` is then "ETIMEDOUT").
 */
export function forward(
  target: URL,
  method: string,
  headers: Record<string, string | string[]>,
  body: Buffer,
  timeoutMs = prismAnswerTimeout,
): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method, headers, agent: false });
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`Prism did not answer in ${timeoutMs} ms`), {
        code: "ETIMEDOUT",
      });
      outgoing.destroy(error);
    }, timeoutMs);
    outgoing.on("response", (upstream) => {
      clearTimeout(timer);
      resolve({ upstream, ...answerHeaders(upstream) });
    });
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}
