export type * from "../generated/schema.js";
export type { FieldFacts, OperationFacts, SessionsMethods } from "../generated/operations.js";
export { Mix } from "./client.js";
export {
  ConnectionError,
  HTTPClientError,
  InvalidRequestError,
  MixDefaultError,
  MixError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  RESTResponseError,
} from "./errors.js";
export type { BackoffConfig, MixOptions, RequestOptions, RetryConfig } from "./options.js";
