import ICAL from "ical.js";
import { buildIcs, buildIcsCalendar, escapeText, foldLine } from "@/lib/ics";

// An appointment on the morning after the October DST change in Berlin: 09:30 local is 08:30 UTC.
const start = new Date("2026-10-26T08:30:00Z");
const end = new Date("2026-10-26T09:00:00Z");
const now = new Date("2026-10-01T12:00:00Z");

const base = {
  uid: "TV-7K3M-Q9XA@termine.example.de",
  start,
  end,
  summary: "Aufenthaltstitel, Verlängerung – Ausländerbehörde",
  description:
    "Buchungsnummer: TV-7K3M-Q9XA\nBitte mitbringen: Reisepass; biometrisches Foto, Mietvertrag\\Wohnungsgeberbestätigung",
  location: "Ausländerbehörde, Große Straße 1, 12345 Musterstadt, Raum 1.23",
  url: "https://termine.example.de/termin/abcdefghijklmnopqrstuvwxyz0123456789abcdefghijk",
  organizerName: "Stadt Musterstadt, Ausländerbehörde",
  organizerEmail: "auslaenderbehoerde@musterstadt.example",
  now,
};

function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("buildIcs", () => {
  it("round-trips through a real iCalendar parser: instants, texts with umlauts and separators, URL", () => {
    const ics = buildIcs(base);
    const { calendar, vevent, event } = parseEvent(ics);

    expect(event.startDate.toJSDate().getTime()).toBe(start.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(end.getTime());
    expect(event.startDate.zone?.tzid).toBe("UTC");
    expect(event.summary).toBe(base.summary);
    expect(event.location).toBe(base.location);
    expect(event.description).toBe(base.description);
    expect(event.uid).toBe(base.uid);
    expect(vevent.getFirstPropertyValue("url")).toBe(base.url);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const stamp = vevent.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().getTime()).toBe(now.getTime());
    const organizer = vevent.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:auslaenderbehoerde@musterstadt.example");
    expect(organizer?.getParameter("cn")).toBe("Stadt Musterstadt, Ausländerbehörde");
  });

  it("writes UTC times, CRLF line endings and no line longer than 75 octets", () => {
    const ics = buildIcs({ ...base, description: "Ä".repeat(200) + " Straße; Weg, Platz" });
    expect(ics).toContain("DTSTART:20261026T083000Z\r\n");
    expect(ics).toContain("DTEND:20261026T090000Z\r\n");
    expect(ics).toContain("DTSTAMP:20261001T120000Z\r\n");
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    // The long description was folded, and unfolds back to the original text.
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(parseEvent(ics).event.description).toBe("Ä".repeat(200) + " Straße; Weg, Platz");
  });

  it("adds a reminder one day before", () => {
    const { vevent } = parseEvent(buildIcs(base));
    const alarm = vevent.getFirstSubcomponent("valarm");
    expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(String(alarm?.getFirstPropertyValue("trigger"))).toBe("-P1D");
  });

  it("cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher sequence, without a reminder", () => {
    const ics = buildIcs({ ...base, method: "CANCEL", sequence: 3 });
    const { calendar, vevent, event } = parseEvent(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(3);
    expect(vevent.getFirstSubcomponent("valarm")).toBeNull();
  });

  it("rejects an event that does not end after it starts", () => {
    expect(() => buildIcs({ ...base, end: start })).toThrow(RangeError);
  });
});

describe("buildIcsCalendar", () => {
  it("holds one VEVENT per appointment under the calendar's name, without reminders, parsed back by a real parser", () => {
    const second = { ...base, uid: "b2@feed.termine.example.de", start: end, end: new Date(end.getTime() + 30 * 60_000), summary: "Zweiter, Termin" };
    const ics = buildIcsCalendar({ name: "Termine Ausländerbehörde", events: [base, second] });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Termine Ausländerbehörde");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      [base.uid, base.summary, start.toISOString()],
      [second.uid, "Zweiter, Termin", end.toISOString()],
    ]);
    expect(ics).not.toContain("BEGIN:VALARM");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("is an empty calendar when there is nothing to show", () => {
    const calendar = new ICAL.Component(ICAL.parse(buildIcsCalendar({ name: "Leer", events: [] })));
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});

describe("escapeText and foldLine", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("never splits a multi-byte character", () => {
    const folded = foldLine("X:" + "€".repeat(60));
    for (const part of folded.split("\r\n")) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain("\uFFFD");
    }
    expect(folded.split("\r\n").map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe("X:" + "€".repeat(60));
  });
});
