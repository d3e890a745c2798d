// Dates and times of an appointment as the citizen reads them: in the office's time zone (where the appointment
// takes place), in the e-mail's language.

export interface AppointmentTime {
  /** With weekday, e.g. "Dienstag, 1. Dezember 2026". */
  date: string;
  /** Without weekday, for subjects: "1. Dezember 2026". */
  dateShort: string;
  /** "09:30" */
  time: string;
  /** "10:00" */
  endTime: string;
}

export function formatAppointment(
  locale: string,
  timeZone: string,
  interval: { startsAt: string; endsAt: string },
): AppointmentTime {
  const start = new Date(interval.startsAt);
  const end = new Date(interval.endsAt);
  // The Gregorian calendar of the office's letters, whatever the language's default (Persian: Solar Hijri).
  const calendar = "gregory";
  const dateLong = new Intl.DateTimeFormat(locale, {
    timeZone,
    calendar,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const dateShort = new Intl.DateTimeFormat(locale, { timeZone, calendar, day: "numeric", month: "long", year: "numeric" });
  const time = new Intl.DateTimeFormat(locale, { timeZone, calendar, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    date: dateLong.format(start),
    dateShort: dateShort.format(start),
    time: time.format(start),
    endTime: time.format(end),
  };
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`.replace(/\s+/g, " ").trim();
}
