/**
 * Words for changes to an operation's parts: parameters, the request body as a whole,
 * statuses, media types, response headers, servers.
 */
import type { Verdict } from "../model.ts";
import { defaultText, reasonText } from "./reasons.ts";
import { deepValuesText } from "./values.ts";

function parameterText(v: Verdict): string {
  const [location, ...rest] = String(v.name).split(" ");
  const name = `${location} parameter ${rest.join(" ")}`;
  const texts: Record<string, string> = {
    "parameter-removed": `${name} removed`,
    "parameter-added": `${name} added${v.breaking ? ", required" : ""}`,
    "parameter-required": `${name} now required`,
    "parameter-optional": `${name} now optional`,
    "parameter-serialization": `${name} serialized differently (style, explode or content changed)`,
    "parameter-values": `${name}: ${deepValuesText(v.before, v.after)}${reasonText(v, true)}`,
    "parameter-default": `${name}: ${defaultText(v.before, v.after)}${reasonText(v, true)}`,
    "parameter-renamed": `${name} renamed to ${v.after} (the URL is the same; generated clients name the argument after it)`,
  };
  return texts[v.code] ?? name;
}

function statusRemovedText(v: Verdict): string {
  if (!/^2/.test(String(v.name))) {
    return v.breaking
      ? `error status ${v.name} no longer documented (its body may now be anything)`
      : `status ${v.name} no longer documented`;
  }
  return v.breaking ? `no longer documents a success status (${v.name} removed)` : `no longer answers ${v.name}`;
}

function mediaText(v: Verdict, body: string): string | undefined {
  const request = body === "request body";
  if (v.code === "media-values") {
    const fit = v.breaking ? " (its schema does not fit the old one)" : "";
    return `${body} media type ${String(v.before)} -> ${v.name}${fit}`;
  }
  if (v.code === "media-added")
    return request ? `${body} now also accepted as ${v.name}` : `${body} may now be ${v.name}`;
  if (v.code === "media-dropped")
    return request ? `${body} no longer accepted as ${v.name}` : `${body} no longer ${v.name}`;
  return undefined;
}

function headerText(v: Verdict, status: string): string | undefined {
  const name = `response ${status} header ${v.name}`;
  const texts: Record<string, string> = {
    "header-removed": `${name} removed`,
    "header-added": `${name} added`,
    "header-required": `${name} now always sent`,
    "header-optional": `${name} may now be missing`,
    "header-values": `${name}: ${deepValuesText(v.before, v.after)}${reasonText(v, false)}`,
    "header-default": `${name}: ${defaultText(v.before, v.after)}${reasonText(v, false)}`,
  };
  return texts[v.code];
}

/** Words for a change to a part of an operation, or undefined for a change inside a body. */
export function partText(v: Verdict): string | undefined {
  if (v.code.startsWith("parameter")) return parameterText(v);
  const status = String(v.body?.where ?? "");
  const body = status === "request" ? "request body" : `response ${status}`;
  const texts: Record<string, string> = {
    "body-removed": "request body removed (the operation no longer reads one)",
    "body-added": `request body added${v.breaking ? ", required" : ", optional"}`,
    "body-required": "request body now required",
    "body-optional": "request body now optional",
    "status-replaced": `answers ${String(v.after)} instead of ${String(v.before)}`,
    "status-added": /^2/.test(String(v.name)) ? `may now answer ${v.name}` : `documents error status ${v.name}`,
    "status-removed": statusRemovedText(v),
    "content-removed": `${body} no longer has a body`,
    "content-added": `${body} now has a body`,
    "server-removed": `server ${v.name} removed (clients that use the spec's server URL must now set one)`,
    "server-added": `server ${v.name} added`,
  };
  return texts[v.code] ?? mediaText(v, body) ?? (v.code.startsWith("header") ? headerText(v, status) : undefined);
}
