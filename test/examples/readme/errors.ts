import { Mix, RESTResponseError, RequestTimeoutError } from "mix-sdk";

const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });

try {
  await mix.sessions.get({ id: "0b7e3a52-5d1c-4f0e-9a6b-2c8d4e6f8a10" });
} catch (error) {
  if (error instanceof RESTResponseError && error.statusCode === 404) {
    console.log(error.data.error?.type, error.message); // not_found Session with ID '0b7e…' not found
  } else if (error instanceof RequestTimeoutError) {
    console.log("The API did not answer in time; try again later.");
  } else throw error;
}
