// iCalendar (RFC 5545) for one appointment, attached to e-mails and offered as a download. Pure: no framework code,
// the caller passes the clock (`now`) so the output is reproducible.

export interface IcsEvent {
  /** Globally unique and stable per appointment, so that a later update or cancellation replaces the entry. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  organizerName?: string;
  organizerEmail?: string;
  /** PUBLISH adds or updates the entry; CANCEL removes it (calendar apps match it by `uid`). */
  method?: "PUBLISH" | "CANCEL";
  /** Must grow with every change of the same `uid`, or calendar apps ignore the update. */
  sequence?: number;
  /** A reminder one day before (PUBLISH only); text defaults to the summary, `false` leaves it out. */
  alarm?: string | false;
  now: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** UTC date-time in the basic format, e.g. 20261201T083000Z. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space, which counts towards
 * their 75 octets. Splits only between characters, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A parameter value (e.g. CN): quoted when it contains separators; DQUOTE and control characters cannot appear. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, "");
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** The VEVENT of one appointment (with its alarm), as unfolded content lines. */
function veventLines(event: IcsEvent): string[] {
  if (!(event.end.getTime() > event.start.getTime())) throw new RangeError("The event must end after it starts");
  const cancelled = (event.method ?? "PUBLISH") === "CANCEL";
  const lines: string[] = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.now)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence ?? 0))}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    // URL is a URI value, not TEXT: no escaping, but line breaks would break the format.
    `URL:${event.url.replace(/[\r\n]/g, "")}`,
    "TRANSP:OPAQUE",
  ];
  if (event.organizerEmail) {
    const cn = event.organizerName ? `;CN=${paramValue(event.organizerName)}` : "";
    lines.push(`ORGANIZER${cn}:mailto:${event.organizerEmail.replace(/[\r\n]/g, "")}`);
  }
  if (!cancelled && event.alarm !== false) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:-P1D",
      `DESCRIPTION:${escapeText(event.alarm ?? event.summary)}`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

function calendar(method: "PUBLISH" | "CANCEL", head: string[], events: string[][]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Terminvergabe//Terminvergabe//DE",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...head,
    ...events.flat(),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export function buildIcs(event: IcsEvent): string {
  return calendar(event.method ?? "PUBLISH", [], [veventLines(event)]);
}

/**
 * A calendar of many appointments for a subscription (a feed a calendar app polls): one VEVENT each, no alarms
 * unless an event asks for one. `name` is shown by calendar apps as the calendar's title.
 */
export function buildIcsCalendar(input: { name: string; events: ReadonlyArray<Omit<IcsEvent, "method">> }): string {
  const head = [`X-WR-CALNAME:${escapeText(input.name)}`];
  return calendar("PUBLISH", head, input.events.map((e) => veventLines({ alarm: false, ...e, method: "PUBLISH" })));
}
