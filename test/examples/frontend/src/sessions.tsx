import { type Mix, MixError, type SessionData } from "mix-sdk";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { mix as defaultMix } from "./api";

const describe = (e: unknown) => (e instanceof MixError ? `The API failed (${e.statusCode})` : String(e));

/** The sessions, newest first, and a form to create one; an error of the API shows as an alert. */
export function Sessions({ mix = defaultMix }: { mix?: Mix }) {
  const [sessions, setSessions] = useState<SessionData[]>();
  const [error, setError] = useState<string>();
  const [title, setTitle] = useState("");

  const load = useCallback(() => mix.sessions.list().then(setSessions, (e: unknown) => setError(describe(e))), [mix]);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      await mix.sessions.create({ title });
      setTitle("");
      await load();
    } catch (e) {
      setError(describe(e));
    }
  }

  return (
    <main>
      <h1>Sessions</h1>
      {error && <p role="alert">{error}</p>}
      {sessions === undefined && !error && <p>Loading...</p>}
      <ul>
        {sessions?.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
      <form onSubmit={create}>
        <input aria-label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit">Create</button>
      </form>
    </main>
  );
}
