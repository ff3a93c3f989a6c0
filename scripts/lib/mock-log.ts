import { shortURL } from "./mock-http.ts";

/** What one answered request leaves in the log. */
export type Exchange = {
  method: string;
  url: string | undefined;
  status: number;
  /** When the request arrived (performance.now()). */
  started: number;
  /** What Prism (or the front) found in violation of the spec. */
  violations?: readonly string[];
  /** Why the answer is not the model's, or was not checked. */
  note?: string;
};

/**
 * The one log line of a request: method, path, status, milliseconds, and the violations, e.g.
 * `POST /api/sessions 400 3ms VIOLATION: Request body must NOT have additional properties; found 'color'`.
 */
export function exchangeLine(exchange: Exchange): string {
  const ms = Math.round(performance.now() - exchange.started);
  const violations = exchange.violations?.length ? ` VIOLATION: ${exchange.violations.join("; ")}` : "";
  const note = exchange.note ? ` (${exchange.note})` : "";
  return `${exchange.method} ${shortURL(exchange.url)} ${exchange.status} ${ms}ms${violations}${note}`;
}

/** A logger of exchanges: every one, or with `quiet` only those with violations. */
export function exchangeLogger(log: (line: string) => void, quiet = false): (exchange: Exchange) => void {
  return (exchange) => {
    if (!quiet || exchange.violations?.length) log(exchangeLine(exchange));
  };
}
