/** An answer of the mock, before an adapter turns it into an HTTP response. */
export type MockResponse = {
  status: number;
  /** A JSON body; absent for an empty body or a text one. */
  body?: unknown;
  /** A plain-text body, as the real server sends for 404 and 405 from its router. */
  text?: string;
  headers?: Readonly<Record<string, string>>;
  /** True when the answer is one of the real server's deviations from the spec (`quirks`). */
  quirk?: boolean;
};

/** The error kinds the mock sends, each with the status the API pairs it with. */
export const errorStatus = {
  bad_request: 400,
  validation_error: 400,
  unauthorized: 401,
  not_found: 404,
  internal_error: 500,
} as const;

/** A kind of error the API sends in `error.type`. */
export type ErrorType = keyof typeof errorStatus;

/** A success envelope: `data` and nothing else, as the API sends it. */
export function success(status: number, data: unknown, quirk = false): MockResponse {
  return quirk ? { status, body: { data }, quirk } : { status, body: { data } };
}

/** An error envelope: `error` and nothing else; the status follows from the type unless given. */
export function failure(
  type: ErrorType,
  message: string,
  status: number = errorStatus[type],
  quirk = false,
): MockResponse {
  const response: MockResponse = { status, body: { error: { code: status, message, type } } };
  return quirk ? { ...response, quirk } : response;
}

/** The API's answer for an id it does not know. */
export function notFound(id: string): MockResponse {
  return failure("not_found", `Session with ID '${id}' not found`);
}

/** A plain-text answer, as the real server's router gives for unknown paths and methods. */
export function plainText(status: number, text: string): MockResponse {
  return { status, text, headers: { "content-type": "text/plain; charset=utf-8" } };
}
