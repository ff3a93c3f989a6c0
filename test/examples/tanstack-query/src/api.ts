import { Mix } from "mix-sdk";
import { sessionQueries } from "mix-sdk/query";

export const mix = new Mix({ serverURL: "http://localhost:8088" });

// Option objects for useQuery and useMutation: keys, the SDK's calls, TanStack's retry off.
export const sessions = sessionQueries(mix);
