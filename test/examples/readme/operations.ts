import { Mix } from "mix-sdk";

const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });

// GET /api/sessions: SessionData[], newest first
const sessions = await mix.sessions.list();

// POST /api/sessions: SessionData. No argument sends {}.
const created = await mix.sessions.create({ title: "Write release notes" });

// GET /api/sessions/{id}: SessionData
const session = await mix.sessions.get({ id: created.id });

// POST /api/sessions/{id}/fork: SessionData, a new session with the first 3 messages
const fork = await mix.sessions.fork({ id: created.id, messageIndex: 3, title: "Second attempt" });

// POST /api/sessions/{id}/cancel: { cancelled?: boolean }
const { cancelled } = await mix.sessions.cancelProcessing({ id: created.id });

// DELETE /api/sessions/{id}: void
await mix.sessions.delete({ id: fork.id });

console.log(sessions.length, session.title, fork.title, cancelled);
