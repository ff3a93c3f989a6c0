/** One scripted answer: a Response, an error to reject with, or a function of the request. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

/** What a fake fetch saw: each Request and its body text, in order. */
export type FakeFetch = {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
  bodies: string[];
};

/** An injected fetch that answers with `replies` in turn; the last one repeats. */
export function fakeFetch(...replies: Reply[]): FakeFetch {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = async (request: Request) => {
    if (!(request instanceof Request)) throw new Error("the SDK must call fetch with a Request");
    requests.push(request);
    bodies.push(await request.clone().text());
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
    if (reply instanceof Error) throw reply;
    if (typeof reply === "function") return reply(request);
    if (!reply) throw new Error("fakeFetch was given no replies");
    return reply.clone();
  };
  return { fetch, requests, bodies };
}

/** A JSON response with the given status and extra headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A response with any body text and content type (none when left out). */
export function text(status: number, body: string, contentType?: string): Response {
  // Bytes, not a string: Response would add "text/plain;charset=UTF-8" to a string body.
  return new Response(new TextEncoder().encode(body), {
    status,
    headers: contentType ? { "content-type": contentType } : {},
  });
}

/** An error shaped like undici's when nothing listens on the port. */
export function refused(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });
}

/** An error shaped like undici's when the server drops the connection. */
export function dropped(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
  });
}

/** A request's headers as a plain object ({} when there is no such request). */
export function headersOf(request: Request | undefined): Record<string, string> {
  return Object.fromEntries(request?.headers ?? []);
}
