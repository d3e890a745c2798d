import ICAL from "ical.js";
import { ZodError } from "zod";
import type { BookingMailPayload } from "@/emails/payloads";
import { mailSubject, renderMail } from "@/lib/server/mail/render";

// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` Jest cannot run (it
// transforms only .js/.ts/.mjs files); its ES build is transformed like the app's code.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Given a booking at the foreigners' office, the e-mails show its local time in Europe/Berlin, the way to manage
// it, and what to bring, in German; the calendar attachment holds the booked instant.

function payload(overrides: Partial<BookingMailPayload> = {}, booking: Partial<BookingMailPayload["booking"]> = {}) {
  const base: BookingMailPayload = {
    locale: "de",
    office: {
      name: "Ausländerbehörde",
      authority: "Stadt Musterstadt",
      street: "Große Straße 1",
      postalCode: "12345",
      locality: "Musterstadt",
      room: "1.23",
      phone: "+49 123 4567-0",
      email: "auslaenderbehoerde@musterstadt.example",
      website: "https://www.musterstadt.example/abh",
      timeZone: "Europe/Berlin",
      textLocale: "de",
    },
    // Untranslated: the texts are German in every language, as the office wrote them.
    service: {
      name: "Beratungsgespräch",
      documents: ["Reisepass", "Biometrisches Foto, 35 × 45 mm", "Mietvertrag"],
      textLocales: { name: "de", documents: "de" },
    },
    booking: {
      referenceCode: "TV-7K3M-Q9XA",
      // 1 December 2026, 09:30 in Berlin (CET, UTC+1)
      startsAt: "2026-12-01T08:30:00.000Z",
      endsAt: "2026-12-01T09:00:00.000Z",
      persons: 2,
      givenName: "Ayşe",
      familyName: "Yılmaz",
      ...booking,
    },
    manageUrl: "https://termine.musterstadt.example/termin/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5",
  };
  return { ...base, ...overrides };
}

const now = new Date("2026-11-20T10:00:00Z");

function calendarEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { method: calendar.getFirstPropertyValue("method"), event: new ICAL.Event(vevent) };
}

describe("booking confirmation", () => {
  it("has a German subject with service, local date and time, and reference code", async () => {
    const mail = await renderMail("booking-confirmation", payload(), { now });
    expect(mail.subject).toBe("Terminbestätigung: Beratungsgespräch am 1. Dezember 2026, 09:30 Uhr (TV-7K3M-Q9XA)");
    expect(await mailSubject("booking-confirmation", payload())).toBe(mail.subject);
  });

  it("shows office, address with room, service, local time, persons, reference, documents and contact", async () => {
    const { html, text } = await renderMail("booking-confirmation", payload(), { now });
    expect(html).toMatch(/<html[^>]* lang="de"/);
    expect(html).toMatch(/<html[^>]* dir="ltr"/);
    for (const body of [html, text]) {
      expect(body).toContain("Ihr Termin ist gebucht");
      expect(body).toContain("Guten Tag Ayşe Yılmaz,");
      expect(body).toContain("Stadt Musterstadt");
      expect(body).toContain("Ausländerbehörde");
      expect(body).toContain("Große Straße 1");
      expect(body).toContain("12345 Musterstadt");
      // React separates adjacent text nodes with an empty comment.
      expect(body.replaceAll("<!-- -->", "")).toContain("Raum 1.23");
      expect(body).toContain("Beratungsgespräch");
      expect(body).toContain("Dienstag, 1. Dezember 2026");
      expect(body).toContain("09:30 bis 10:00 Uhr");
      expect(body).toContain("2 Personen");
      expect(body).toContain("TV-7K3M-Q9XA");
      expect(body).toContain("Bitte bringen Sie mit");
      expect(body).toContain("+49 123 4567-0");
      expect(body).toContain("auslaenderbehoerde@musterstadt.example");
    }
    expect(html).toContain("<li>Reisepass</li>");
    expect(html).toContain("<li>Biometrisches Foto, 35 × 45 mm</li>");
    expect(html).toContain("<li>Mietvertrag</li>");
    expect(text).toMatch(/\* Reisepass\n \* Biometrisches Foto, 35 × 45 mm\n \* Mietvertrag/);
    expect(html).toContain('href="tel:+4912345670"');
  });

  it("links the manage page from a prominent button, in HTML and in plain text", async () => {
    const p = payload();
    const { html, text } = await renderMail("booking-confirmation", p, { now });
    const link = /<a[^>]*href="([^"]*)"[^>]*>((?:(?!<\/a>)[\s\S])*)<\/a>/g;
    const button = [...html.matchAll(link)].find((m) => m[2].includes("Termin ansehen, verschieben oder absagen"));
    expect(button?.[1]).toBe(p.manageUrl);
    expect(text).toContain(`Termin ansehen, verschieben oder absagen ${p.manageUrl}`);
    // Real text, no images.
    expect(html).not.toContain("<img");
  });

  it("attaches termin.ics with the booked instant", async () => {
    const p = payload();
    const { attachments } = await renderMail("booking-confirmation", p, { now });
    expect(attachments).toHaveLength(1);
    expect(attachments[0].filename).toBe("termin.ics");
    expect(attachments[0].contentType).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    const { method, event } = calendarEvent(attachments[0].content);
    expect(method).toBe("PUBLISH");
    expect(event.startDate.toJSDate().toISOString()).toBe(p.booking.startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(p.booking.endsAt);
    expect(event.summary).toBe("Beratungsgespräch – Ausländerbehörde");
    expect(event.location).toBe("Ausländerbehörde, Große Straße 1, 12345 Musterstadt, Raum 1.23");
    expect(event.uid).toBe("TV-7K3M-Q9XA@termine.musterstadt.example");
    expect(event.description).toContain(p.manageUrl);
    expect(event.description).toContain("- Reisepass");
  });

  it.each([
    // Before and after the change to summer time on 29 March 2026, and after the change back on 25 October.
    ["2026-03-27T08:30:00.000Z", "2026-03-27T09:00:00.000Z", "Freitag, 27. März 2026", "27. März 2026"],
    ["2026-03-30T07:30:00.000Z", "2026-03-30T08:00:00.000Z", "Montag, 30. März 2026", "30. März 2026"],
    ["2026-10-26T08:30:00.000Z", "2026-10-26T09:00:00.000Z", "Montag, 26. Oktober 2026", "26. Oktober 2026"],
  ])("shows 09:30 local time for %s across the DST change", async (startsAt, endsAt, longDate, shortDate) => {
    const mail = await renderMail("booking-confirmation", payload({}, { startsAt, endsAt }), { now });
    expect(mail.subject).toBe(`Terminbestätigung: Beratungsgespräch am ${shortDate}, 09:30 Uhr (TV-7K3M-Q9XA)`);
    expect(mail.text).toContain(longDate);
    expect(mail.text).toContain("09:30 bis 10:00 Uhr");
    expect(mail.html).toContain("09:30 bis 10:00 Uhr");
    expect(calendarEvent(mail.attachments[0].content).event.startDate.toJSDate().toISOString()).toBe(startsAt);
  });

  it("without documents asks for an identity document, and leaves out contact fields the office lacks", async () => {
    const p = payload({
      service: { name: "Beratungsgespräch", documents: [] },
      office: { ...payload().office, room: undefined, phone: undefined, email: undefined, website: undefined },
    });
    const { html, text } = await renderMail("booking-confirmation", p, { now });
    expect(text).toContain("Bringen Sie bitte Ihren Pass oder Personalausweis mit.");
    expect(html).not.toContain("<ul");
    expect(text).not.toContain("Raum");
    expect(text).not.toContain("Telefon:");
    expect(text).not.toContain("E-Mail:");
  });

  it("greets without a name when the booking has none, and escapes what citizens typed", async () => {
    const anonymous = await renderMail("booking-confirmation", payload({}, { givenName: "", familyName: "" }), { now });
    expect(anonymous.text).toContain("Guten Tag,");
    const hostile = await renderMail("booking-confirmation", payload({}, { givenName: "<script>alert(1)</script>" }), {
      now,
    });
    expect(hostile.html).not.toContain("<script>alert(1)</script>");
    expect(hostile.html).toContain("&lt;script&gt;");
  });

  it("falls back to German for a language without e-mail texts", async () => {
    const mail = await renderMail("booking-confirmation", payload({ locale: "pl" }), { now });
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    expect(mail.subject).toBe("Terminbestätigung: Beratungsgespräch am 1. Dezember 2026, 09:30 Uhr (TV-7K3M-Q9XA)");
  });

  it("is written in the booking's language, with the office's local time", async () => {
    const mail = await renderMail("booking-confirmation", payload({ locale: "tr" }), { now });
    expect(mail.html).toMatch(/<html dir="ltr" lang="tr">/);
    expect(mail.subject).toBe("Randevu onayı: Beratungsgespräch, 1 Aralık 2026, saat 09:30 (TV-7K3M-Q9XA)");
    expect(mail.text).toContain("1 Aralık 2026 Salı");
    expect(mail.text).toContain("Lütfen yanınızda getirin");
    const { event } = calendarEvent(mail.attachments[0].content);
    expect(event.description).toContain("Rezervasyon numarası: TV-7K3M-Q9XA");
  });

  it("runs right to left in Arabic and Persian, with addresses and codes kept left to right", async () => {
    for (const locale of ["ar", "fa"]) {
      const mail = await renderMail("booking-confirmation", payload({ locale }), { now });
      expect(mail.html).toContain(`<html dir="rtl" lang="${locale}">`);
      expect(mail.html).toMatch(/<body[^>]*dir="rtl"/);
      expect(mail.html).toContain('<span dir="ltr">TV-7K3M-Q9XA</span>');
      expect(mail.html).toMatch(/<a[^>]*dir="ltr"[^>]*>\+49 123 4567-0<\/a>/);
      expect(mail.html).toMatch(/<ul[^>]*padding-right:24px/);
      expect(mail.html).toContain('<span dir="auto"><br/><span lang="de" dir="ltr">12345 Musterstadt</span></span>');
    }
  });

  it("marks German texts in an Arabic e-mail as German, left to right, and the office's translations not", async () => {
    const untranslated = await renderMail("booking-confirmation", payload({ locale: "ar" }), { now });
    const german = (text: string) => `<span lang="de" dir="ltr">${text}</span>`;
    for (const text of ["Beratungsgespräch", "Reisepass", "Mietvertrag", "Stadt Musterstadt", "Große Straße 1", "1.23"]) {
      expect(untranslated.html).toContain(german(text));
    }
    expect(untranslated.html).toContain(`${german("Ausländerbehörde")}، ${german("Stadt Musterstadt")}`);

    // The office translated the service's name into Arabic, but not its documents.
    const translated = payload({
      locale: "ar",
      service: { name: "استشارة", documents: ["Reisepass", "Mietvertrag"], textLocales: { name: "ar", documents: "de" } },
    });
    const mail = await renderMail("booking-confirmation", translated, { now });
    expect(mail.html).toMatch(/<p[^>]*>استشارة<\/p>/);
    expect(mail.html).not.toMatch(/lang="de"[^>]*>استشارة/);
    expect(mail.html).toContain(`<li>${german("Reisepass")}</li>`);

    // In German, nothing is marked.
    const de = await renderMail("booking-confirmation", payload(), { now });
    expect(de.html).not.toContain('lang="de" dir=');
    expect(de.html).not.toMatch(/<span lang=/);
  });

  it("gives Persian dates in the Gregorian calendar, not the Solar Hijri one", async () => {
    const mail = await renderMail("booking-confirmation", payload({ locale: "fa" }), { now });
    expect(mail.text).toContain("دسامبر"); // December
    expect(mail.text).not.toContain("آذر"); // the Solar Hijri month of that day
  });
});

describe("booking cancelled", () => {
  it("names the cancelled appointment, the office's reason and a link to book again, and removes the calendar entry", async () => {
    const p = payload({
      reason: "Die Sachbearbeiterin ist erkrankt.",
      bookAgainUrl: "https://termine.musterstadt.example/auslaenderbehoerde/beratung",
    });
    const mail = await renderMail("booking-cancelled", p, { now, issuedAt: now });
    expect(mail.subject).toBe("Termin abgesagt: Beratungsgespräch am 1. Dezember 2026, 09:30 Uhr (TV-7K3M-Q9XA)");
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain("Ihr Termin ist abgesagt");
      expect(body).toContain("Dienstag, 1. Dezember 2026");
      expect(body).toContain("Die Sachbearbeiterin ist erkrankt.");
      expect(body).toContain("Neuen Termin buchen");
      expect(body).toContain(p.bookAgainUrl);
    }
    const { method, event } = calendarEvent(mail.attachments[0].content);
    expect(method).toBe("CANCEL");
    expect(mail.attachments[0].contentType).toContain("method=CANCEL");
    expect(event.uid).toBe("TV-7K3M-Q9XA@termine.musterstadt.example");
    expect(event.sequence).toBeGreaterThan(0);
  });

  it("after a change of the opening hours, offers the move page to pick a new time instead of booking again", async () => {
    const newTimeUrl = `${payload().manageUrl}/verschieben`;
    const p = payload({
      reason: "Wegen einer Änderung unserer Sprechzeiten müssen wir Ihren Termin leider absagen.",
      bookAgainUrl: "https://termine.musterstadt.example/auslaenderbehoerde/beratung",
      newTimeUrl,
    });
    for (const [locale, button] of [
      ["de", "Neue Zeit wählen"],
      ["en", "Choose a new time"],
      ["ar", "اختيار وقت جديد"],
    ]) {
      const mail = await renderMail("booking-cancelled", { ...p, locale }, { now });
      expect(mail.html).toContain(`href="${newTimeUrl}"`);
      expect(mail.text).toContain(button);
      expect(mail.text).not.toContain(p.bookAgainUrl);
    }
  });

  it("works without reason and book-again link (citizen cancelled)", async () => {
    const mail = await renderMail("booking-cancelled", payload(), { now });
    expect(mail.text).not.toContain("Grund");
    expect(mail.text).not.toContain("Neuen Termin buchen");
  });
});

describe("booking rescheduled", () => {
  it("shows the new and the old time and the manage link, and updates the calendar entry", async () => {
    const p = payload(
      { previous: { startsAt: "2026-12-01T08:30:00.000Z", endsAt: "2026-12-01T09:00:00.000Z" } },
      { startsAt: "2026-12-03T13:00:00.000Z", endsAt: "2026-12-03T13:30:00.000Z" },
    );
    const mail = await renderMail("booking-rescheduled", p, { now, issuedAt: now });
    expect(mail.subject).toBe("Termin verschoben: Beratungsgespräch jetzt am 3. Dezember 2026, 14:00 Uhr (TV-7K3M-Q9XA)");
    const newAt = mail.text.indexOf("Donnerstag, 3. Dezember 2026");
    const oldAt = mail.text.indexOf("Dienstag, 1. Dezember 2026");
    expect(newAt).toBeGreaterThan(-1);
    expect(oldAt).toBeGreaterThan(newAt);
    expect(mail.text).toContain("14:00 bis 14:30 Uhr");
    expect(mail.text).toContain("09:30 bis 10:00 Uhr");
    expect(mail.html).toContain(`href="${p.manageUrl}"`);
    expect(mail.text).toContain(p.manageUrl);
    const { method, event } = calendarEvent(mail.attachments[0].content);
    expect(method).toBe("PUBLISH");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(event.sequence).toBeGreaterThan(0);
  });

  it("names the office's reason when the office moved it", async () => {
    const p = payload(
      {
        previous: { startsAt: "2026-12-01T08:30:00.000Z", endsAt: "2026-12-01T09:00:00.000Z" },
        reason: "Wegen einer Änderung unserer Sprechzeiten findet Ihr Termin nicht zur gebuchten Zeit statt.",
      },
      { startsAt: "2026-12-03T13:00:00.000Z", endsAt: "2026-12-03T13:30:00.000Z" },
    );
    const mail = await renderMail("booking-rescheduled", p, { now });
    expect(mail.text).toContain("Grund");
    expect(mail.text).toContain(p.reason);
    expect((await renderMail("booking-rescheduled", { ...p, locale: "fr" }, { now })).text).toContain("Motif");
  });

  it("needs the previous time", async () => {
    await expect(renderMail("booking-rescheduled", payload(), { now })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("booking changed (the office changed its services)", () => {
  const changed = () =>
    payload(
      {
        furtherServices: [{ name: "Reisepass beantragen", documents: ["Altes Reisedokument"], textLocales: { name: "de", documents: "de" } }],
        previous: { startsAt: "2026-12-01T08:30:00.000Z", endsAt: "2026-12-01T09:00:00.000Z" },
        previousServices: ["Beratungsgespräch"],
      },
      { startsAt: "2026-12-01T08:30:00.000Z", endsAt: "2026-12-01T09:15:00.000Z" },
    );

  it("shows the services now and before, the new length, the manage link, and updates the calendar entry", async () => {
    const p = changed();
    const mail = await renderMail("booking-changed", p, { now, issuedAt: now });
    expect(mail.subject).toBe("Termin geändert: Beratungsgespräch + Reisepass beantragen am 1. Dezember 2026, 09:30 Uhr (TV-7K3M-Q9XA)");
    expect(mail.text).toContain("Ihr Termin wurde geändert");
    const nowAt = mail.text.indexOf("09:30 bis 10:15 Uhr");
    const beforeAt = mail.text.indexOf("09:30 bis 10:00 Uhr");
    expect(nowAt).toBeGreaterThan(-1);
    expect(beforeAt).toBeGreaterThan(nowAt);
    expect(mail.text).toContain("Altes Reisedokument");
    expect(mail.html).toContain(`href="${p.manageUrl}"`);
    const { method, event } = calendarEvent(mail.attachments[0].content);
    expect(method).toBe("PUBLISH");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-01T09:15:00.000Z");
    expect(event.sequence).toBeGreaterThan(0);
    expect((await renderMail("booking-changed", { ...p, locale: "ar" }, { now })).subject).toContain("تم تعديل الموعد");
  });

  it("needs the services and length before the change", async () => {
    await expect(renderMail("booking-changed", { ...changed(), previousServices: undefined }, { now })).rejects.toBeInstanceOf(ZodError);
    await expect(renderMail("booking-changed", { ...changed(), previous: undefined }, { now })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("payload validation", () => {
  it.each([
    ["a local time instead of an instant", payload({}, { startsAt: "2026-12-01T09:30:00" })],
    ["an unknown time zone", payload({ office: { ...payload().office, timeZone: "Europe/Atlantis" } })],
    ["a manage link that is not http(s)", payload({ manageUrl: "javascript:alert(1)" })],
    ["an end before the start", payload({}, { endsAt: "2026-12-01T08:00:00.000Z" })],
  ])("rejects %s", async (_label, bad) => {
    await expect(renderMail("booking-confirmation", bad, { now })).rejects.toBeInstanceOf(ZodError);
  });

  it("accepts the payload as stored JSON text", async () => {
    const mail = await renderMail("booking-confirmation", JSON.stringify(payload()), { now });
    expect(mail.subject).toContain("TV-7K3M-Q9XA");
  });
});
