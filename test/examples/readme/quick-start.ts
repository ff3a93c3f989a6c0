import { Mix } from "mix-sdk";

// npx mix-mock serves the API here. Without serverURL: MIX_SERVER_URL, else the spec's server.
const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });

const session = await mix.sessions.create({ title: "Refactor billing", workingDirectory: "/srv/billing" });
console.log(session.id, session.createdAt);
