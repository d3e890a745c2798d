import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { BookingMailPayload } from "@/emails/payloads";
import { renderMail } from "@/lib/server/mail/render";
import { readCheckInToken } from "@/lib/server/security/check-in-tokens";

jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// The confirmation e-mail carries the check-in QR code as an inline PNG: the kiosk reads it back as a code that
// names the booking and the appointment's local date (here 1 December 2026, 00:30 in Berlin, still 30 November in UTC).

const payload = (booking: Partial<BookingMailPayload["booking"]>): BookingMailPayload => ({
  locale: "en",
  office: {
    name: "Ausländerbehörde",
    authority: "Stadt Musterstadt",
    street: "Große Straße 1",
    postalCode: "12345",
    locality: "Musterstadt",
    timeZone: "Europe/Berlin",
  },
  service: { name: "Beratung", documents: [] },
  booking: {
    referenceCode: "TV-7K3M-Q9XA",
    startsAt: "2026-11-30T23:30:00.000Z",
    endsAt: "2026-12-01T00:00:00.000Z",
    persons: 1,
    givenName: "Ayşe",
    familyName: "Yılmaz",
    ...booking,
  },
  manageUrl: "https://termine.musterstadt.example/termin/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5",
});

// The first render loads the e-mail renderer and the QR encoder, which takes seconds on a busy 2-core machine.
jest.setTimeout(30_000);

function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe("the check-in QR code in appointment e-mails", () => {
  it("is an inline image of the confirmation that decodes to the booking's code for its local date", async () => {
    const mail = await renderMail("booking-confirmation", payload({ id: "cmbookingid0000000000000" }));
    expect(mail.inlineImages).toHaveLength(1);
    const [image] = mail.inlineImages!;
    expect(image).toMatchObject({ cid: "checkin-qr", contentType: "image/png" });
    expect(mail.html).toContain('src="cid:checkin-qr"');
    expect(mail.html).toContain("TV-7K3M-Q9XA");
    expect(readCheckInToken(decode(image.content))).toEqual({ bookingId: "cmbookingid0000000000000", date: "2026-12-01" });
    // The calendar file stays the only attachment to download.
    expect(mail.attachments.map((a) => a.filename)).toEqual(["termin.ics"]);
  });

  it("comes with the reminder and a moved or changed appointment's e-mail, not with a cancellation", async () => {
    const id = { id: "cmbookingid0000000000000" };
    expect((await renderMail("booking-reminder", payload(id))).inlineImages).toHaveLength(1);
    const previous = { startsAt: "2026-11-27T09:00:00.000Z", endsAt: "2026-11-27T09:30:00.000Z" };
    expect((await renderMail("booking-rescheduled", { ...payload(id), previous })).inlineImages).toHaveLength(1);
    const changed = { ...payload(id), previous, previousServices: ["Beratung"] };
    expect((await renderMail("booking-changed", changed)).inlineImages).toHaveLength(1);
    const cancelled = await renderMail("booking-cancelled", payload(id));
    expect(cancelled.inlineImages).toEqual([]);
    expect(cancelled.html).not.toContain("cid:");
  });

  it("is left out of e-mails written before bookings were named in the payload", async () => {
    const mail = await renderMail("booking-confirmation", payload({}));
    expect(mail.inlineImages).toEqual([]);
    expect(mail.html).not.toContain("cid:");
  });
});
