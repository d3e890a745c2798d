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

type Formats = Record<"dateLong" | "dateShort" | "time", Intl.DateTimeFormat>;

// Formats are built once per language and time zone: building them is the expensive part of formatting.
const formats = new Map<string, Formats>();

function formatsOf(locale: string, timeZone: string): Formats {
  const key = `${locale} ${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    // The Gregorian calendar of the office's letters, whatever the language's default (Persian: Solar Hijri).
    const calendar = "gregory";
    found = {
      dateLong: new Intl.DateTimeFormat(locale, { timeZone, calendar, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      dateShort: new Intl.DateTimeFormat(locale, { timeZone, calendar, day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { timeZone, calendar, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    // Throws above for an unknown zone or language, so only valid pairs are kept: a few languages times a few zones.
    formats.set(key, found);
  }
  return found;
}

export function formatAppointment(
  locale: string,
  timeZone: string,
  interval: { startsAt: string; endsAt: string },
): AppointmentTime {
  const start = new Date(interval.startsAt);
  const end = new Date(interval.endsAt);
  const { dateLong, dateShort, time } = formatsOf(locale, timeZone);
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

interface PayloadServices {
  service: { name: string; documents: string[]; textLocales?: { name: string; documents: string } };
  furtherServices?: PayloadServices["service"][];
}

/** The services of the appointment in order: the first, then any further ones taken care of in it. */
export function servicesOf(payload: PayloadServices): PayloadServices["service"][] {
  return [payload.service, ...(payload.furtherServices ?? [])];
}

/** The services' names for a subject or a calendar title: "Personalausweis + Reisepass". */
export function serviceTitle(payload: PayloadServices): string {
  return servicesOf(payload)
    .map((s) => s.name)
    .join(" + ");
}

/** What to bring for all of the appointment's services: each document once, with the language its text is in. */
export function documentsToBring(payload: PayloadServices): Array<{ text: string; locale: string | undefined }> {
  const seen = new Set<string>();
  return servicesOf(payload).flatMap((s) =>
    s.documents.filter((d) => !seen.has(d) && seen.add(d)).map((text) => ({ text, locale: s.textLocales?.documents })),
  );
}
