import { Mix, RequestAbortedError } from "mix-sdk";

const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });

const controller = new AbortController();
const listing = mix.sessions.list({ signal: controller.signal, timeoutMs: 5_000 });
controller.abort(new Error("the user left the page")); // from a button, an unmount, a route change

try {
  await listing;
} catch (error) {
  if (!(error instanceof RequestAbortedError)) throw error;
  console.log("aborted:", (error.cause as Error).message); // aborted: the user left the page
}
