import { Mix } from "mix-sdk";
import { createRawClient } from "mix-sdk/raw";

const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });
const raw = createRawClient(mix);

const { data, error, response } = await raw.GET("/api/sessions/{id}", {
  params: { path: { id: "0b7e3a52-5d1c-4f0e-9a6b-2c8d4e6f8a10" } },
});
if (error) {
  console.log(response.status, error.error?.type); // 404 not_found
} else {
  console.log(data.data.title);
}
