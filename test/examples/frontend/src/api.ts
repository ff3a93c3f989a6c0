import { Mix } from "mix-sdk";

// VITE_MIX_SERVER_URL: http://127.0.0.1:4010 (npx mix-mock) in .env.development, the real API in production.
export const mix = new Mix({ serverURL: import.meta.env.VITE_MIX_SERVER_URL });
