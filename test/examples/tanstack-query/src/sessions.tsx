import { useMutation, useQuery } from "@tanstack/react-query";
import { RESTResponseError } from "mix-sdk";
import type { MixQueryError } from "mix-sdk/query";
import { type FormEvent, useState } from "react";
import { sessions } from "./api.ts";

export function SessionList() {
  const { data, error, isPending } = useQuery(sessions.list());
  const create = useMutation(sessions.create());
  const remove = useMutation(sessions.delete());
  const [title, setTitle] = useState("");
  if (isPending) return <p>Loading…</p>;
  if (error) return <ErrorMessage error={error} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title });
    setTitle("");
  };
  return (
    <section>
      <form onSubmit={submit}>
        <input aria-label="Title" value={title} onChange={(event) => setTitle(event.target.value)} />
        <button type="submit">Create</button>
      </form>
      <ul>
        {data.map((session) => (
          <li key={session.id}>
            <span>{session.title}</span>
            <button
              type="button"
              aria-label={`Delete ${session.title}`}
              onClick={() => remove.mutate({ id: session.id })}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SessionDetails({ id }: { id: string }) {
  const { data, error } = useQuery(sessions.get({ id }));
  if (error) return <ErrorMessage error={error} />;
  return <h2>{data ? data.title : "Loading…"}</h2>;
}

// `error` is one of the SDK's classes: a status the API documents comes with its message.
function ErrorMessage({ error }: { error: MixQueryError }) {
  const notFound = error instanceof RESTResponseError && error.statusCode === 404;
  return <p role="alert">{notFound ? "No such session" : `${error.name}: ${error.message}`}</p>;
}
