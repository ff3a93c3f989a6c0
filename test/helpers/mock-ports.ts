import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The inodes of the sockets listening on a TCP port, IPv4 and IPv6 (Linux /proc/net). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1] ?? "";
      // State 0A is LISTEN; the port is the hex after the last ":" of the local address.
      if (fields[3] === "0A" && Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port)
        inodes.add(fields[9] ?? "");
    }
  }
  return inodes;
}

/**
 * The processes among `pids` that hold a socket listening on `port`. Unlike a connection
 * attempt, this cannot mistake another program that took the port since for one of them.
 */
export function listenersAmong(port: number, pids: readonly number[]): number[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  return pids.filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        const target = (() => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return "";
          }
        })();
        return inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "");
      });
    } catch {
      return false;
    }
  });
}
