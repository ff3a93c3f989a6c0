export type { SessionsMethods } from "../generated/operations.js";
export type * from "../generated/schema.js";
export { Mix } from "./client.js";
export {
  ConnectionError,
  HTTPClientError,
  InvalidRequestError,
  MixDefaultError,
  MixError,
  RESTResponseError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
} from "./errors.js";
export type { FieldFacts, OperationFacts } from "./operation-facts.js";
export type { BackoffConfig, MixOptions, RequestOptions, RetryConfig } from "./options.js";
