// Without zod, so that the booking form's first load does not need the validation library.

/**
 * Day, month and year typed into three fields (the accessible pattern for a memorable date) as "YYYY-MM-DD";
 * anything unparseable is passed on as typed so that the schema reports it.
 */
export function dateFromParts(day?: string, month?: string, year?: string): string | undefined {
  const parts = [day, month, year].map((p) => (p ?? "").trim());
  if (parts.every((p) => p === "")) return undefined;
  const [d, m, y] = parts;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}`;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}
