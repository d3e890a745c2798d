// Calendar dates and weekdays in a language, for pages and e-mails alike: an office-local "YYYY-MM-DD" is a date,
// not an instant, so no time zone may shift it.

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The weekday names of `locale`, Monday first, keyed by ISO weekday. */
export function weekdayNames(locale: string): Record<Weekday, string> {
  const name = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long" });
  // 1 January 2024 was a Monday.
  return Object.fromEntries(WEEKDAYS.map((d) => [d, name.format(new Date(Date.UTC(2024, 0, d, 12)))])) as Record<Weekday, string>;
}

/** "Montag, 7. Dezember 2026" for an office-local date: a calendar date, which no time zone shifts. */
export function localDateText(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    calendar: "gregory",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Montag, Mittwoch": the names of ISO weekdays (1 = Monday), in order as given. */
export function weekdayList(locale: string, weekdays: readonly number[]): string {
  const names = weekdayNames(locale);
  return weekdays.map((d) => names[d as Weekday]).join(", ");
}
