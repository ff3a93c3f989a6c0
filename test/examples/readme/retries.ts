import { Mix } from "mix-sdk";

// The default of every call of this client: the spec's backoff, but 30 s at most in all.
const mix = new Mix({
  serverURL: "http://127.0.0.1:4010",
  retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 30_000 } },
});

// This call only: no retry at all.
const [first] = await mix.sessions.list({ retries: { strategy: "none" } });

// This call only: the spec's own policy, bounded by time alone.
const forever = { strategy: "backoff", maxRetries: Infinity } as const;
if (first) console.log((await mix.sessions.get({ id: first.id }, { retries: forever })).title);
