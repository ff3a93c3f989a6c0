import { Mix } from "mix-sdk";

// Or leave debugLogger out and set MIX_DEBUG=1 in the environment.
const mix = new Mix({ serverURL: "http://127.0.0.1:4010", debugLogger: console });

await mix.sessions.list(); // [mix] GET http://127.0.0.1:4010/api/sessions -> 200 (3 ms)
