import { useMutation, useQuery } from "@tanstack/react-query";
import { MixError } from "../../src/index.ts";
import type { MixQueryError, SessionQueries } from "../../src/query/index.ts";

/** The error as a user would show it: its class, and the status when the server answered. */
export function ErrorLine({ error }: { error: MixQueryError }) {
  // `statusCode` exists on MixError only: this compiles because `error` has the SDK's types.
  const text = error instanceof MixError ? `${error.name} ${error.statusCode}` : error.name;
  return <p role="alert">{text}</p>;
}

/** The sessions, each with a button that deletes it. */
export function SessionList({ q }: { q: SessionQueries }) {
  const { data, error, isPending } = useQuery(q.list());
  const remove = useMutation(q.delete());
  if (error) return <ErrorLine error={error} />;
  if (isPending) return <p>Loading</p>;
  return (
    <ul>
      {data.map((session) => (
        <li key={session.id} data-id={session.id}>
          <span>{session.title}</span>
          <button type="button" onClick={() => remove.mutate({ id: session.id })}>
            Delete {session.title}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A button that creates a session with `title`. */
export function NewSession({ q, title }: { q: SessionQueries; title: string }) {
  const create = useMutation(q.create());
  return (
    <button type="button" onClick={() => create.mutate({ title })}>
      New session
    </button>
  );
}

/** One session's title, by id. */
export function SessionTitle({ q, id }: { q: SessionQueries; id: string }) {
  const { data, error } = useQuery(q.get({ id }));
  if (error) return <ErrorLine error={error} />;
  return <h1>{data?.title ?? "Loading"}</h1>;
}
