export {
  type SessionDetailKey,
  type SessionListKey,
  type SessionMutationName,
  sessionKeys,
} from "./keys.js";
export type {
  CreateSessionVariables,
  ForkSessionVariables,
  SessionIdVariables,
} from "./mutations.js";
export { type SessionQueries, sessionQueries } from "./sessions.js";
export type { MixQueryError, SessionMutationOptions, SessionQueryKey, SessionQueryOptions } from "./types.js";
