const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Formats a moment as the API does: RFC 3339 to the second, in the local offset of the machine
 * that runs the mock (`2025-09-10T18:59:13+05:30`), and `Z` for UTC as Go's time package writes it.
 */
export function formatCreatedAt(moment: Date): string {
  const offset = -moment.getTimezoneOffset();
  const local = new Date(moment.getTime() + offset * 60_000);
  const stamp = local.toISOString().slice(0, 19);
  if (offset === 0) return `${stamp}Z`;
  const sign = offset > 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${stamp}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
