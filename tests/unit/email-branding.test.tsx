import type { BookingMailPayload } from "@/emails/payloads";
import { renderMail } from "@/lib/server/mail/render";

jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// The city's look in e-mails comes with the payload: a band with the logo and the city's name in its primary
// colour, and buttons and links in that colour. Without it, the e-mail looks as it always did.

const base: BookingMailPayload = {
  locale: "ar",
  office: {
    name: "Bürgerbüro Mitte",
    authority: "Stadt Musterstadt",
    street: "Rathausplatz 1",
    postalCode: "12345",
    locality: "Musterstadt",
    email: "buergerbuero@musterstadt.example",
    timeZone: "Europe/Berlin",
    textLocale: "de",
  },
  service: { name: "Personalausweis", documents: [] },
  booking: {
    referenceCode: "TV-7K3M-Q9XA",
    startsAt: "2026-12-01T08:30:00.000Z",
    endsAt: "2026-12-01T09:00:00.000Z",
    persons: 1,
    givenName: "A",
    familyName: "B",
  },
  manageUrl: "https://termine.musterstadt.example/ar/termin/abc",
};

const branding = {
  cityName: "Stadt Musterstadt",
  primaryColor: "#7a1f3d",
  logo: { url: "https://termine.musterstadt.example/api/branding/logo?v=abc&format=png", alt: "Wappen der Stadt" },
};

it("shows the city's band, logo and colour from the payload", async () => {
  const { html } = await renderMail("booking-confirmation", { ...base, branding }, { now: new Date("2026-11-20T10:00:00Z") });
  expect(html).toContain('data-branding="band"');
  expect(html).toMatch(/<img[^>]+alt="Wappen der Stadt"[^>]+src="https:\/\/termine\.musterstadt\.example\/api\/branding\/logo\?v=abc&amp;format=png"/);
  // The city's German name inside an Arabic e-mail is marked with its language.
  expect(html).toMatch(/<span lang="de" dir="ltr">Stadt Musterstadt<\/span>/);
  expect(html).toContain("background-color:#7a1f3d");
  // The manage button and the office's e-mail link take the primary colour.
  expect(html.match(/#7a1f3d/g)!.length).toBeGreaterThanOrEqual(3);
  expect(html).not.toContain("#004b87");
});

it("keeps today's neutral look without a branding, and refuses a malformed one", async () => {
  const { html } = await renderMail("booking-confirmation", base, { now: new Date("2026-11-20T10:00:00Z") });
  expect(html).not.toContain('data-branding="band"');
  expect(html).toContain("#004b87");
  await expect(renderMail("booking-confirmation", { ...base, branding: { primaryColor: "red;background:url(x)" } })).rejects.toThrow();
  await expect(
    renderMail("booking-confirmation", { ...base, branding: { logo: { url: "javascript:alert(1)", alt: "" } } }),
  ).rejects.toThrow();
});
