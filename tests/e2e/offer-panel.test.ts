import type { BrowserContext, Page } from "playwright-core";
import deOffers from "@/lib/i18n/messages/de/offers.json";
import deBooking from "@/lib/i18n/messages/de/booking.json";
import { createManageToken } from "@/lib/server/security/tokens";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { postBooking } from "../helpers/citizen";

// The offer of a time from the waiting list, as its citizen meets it: a citizen's cancellation through the manage
// page offers the day's free time to the waiting wishes; the offer e-mail's link opens the booking page with the
// deadline and the two answers; declining asks first; accepting books it. Checked with axe, at phone and desktop
// width (OFFER_SCREENSHOTS=<dir> keeps the pictures).

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const SHOTS = process.env.OFFER_SCREENSHOTS ?? "";

let app: RunningApp;
let browser: BrowserContext;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function freeTimes(): Promise<string[]> {
  for (let week = 0; week < 8; week += 2) {
    const from = new Date(Date.now() + (week * 7 + 2) * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + (week + 2) * 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${from}&to=${to}`);
    const { slots } = (await res.json()) as { slots?: Array<{ start: string }> };
    if (slots && slots.length >= 5) return slots.map((s) => s.start);
  }
  throw new Error("no free times within the booking horizon");
}

async function expectAccessible(page: Page, what: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const problems = formatViolations(await axeViolations(page));
    if (problems.length > 0) throw new Error(`axe at ${width} px on ${what}:\n\n${problems.join("\n\n")}`);
    const { scrollWidth, culprits } = await scrollWidthAt(page, width);
    expect({ width, scrollWidth, culprits }).toEqual({ width, scrollWidth: width, culprits: [] });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${what}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

it("offers a cancelled time to the waiting wish; the citizen declines or accepts it on the booking page", async () => {
  const start = (await freeTimes())[2];
  const res = await postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start,
    givenName: "Jonas",
    familyName: "Storniert",
    email: "jonas@example.org",
    dateOfBirth: "1985-01-02",
  });
  expect(res.status).toBe(201);
  const { manageToken } = (await res.json()) as { manageToken: string };

  // A confirmed wish for that day (the wishes' own pages are another test's): two of them, in order.
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE }, include: { services: true } });
  const service = office.services.find((s) => s.slug === SERVICE)!;
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: office.timeZone }).format(new Date(start));
  for (const [n, name] of ["Amira", "Bilal"].entries()) {
    await app.db.wish.create({
      data: {
        officeId: office.id,
        serviceId: service.id,
        earliestDate: date,
        latestDate: date,
        weekdays: "1,2,3,4,5,6,7",
        dayParts: "MORNING,AFTERNOON",
        status: "ACTIVE",
        manageTokenHash: createManageToken().hash,
        referenceCode: `W-E2E-${n}`,
        locale: "de",
        givenName: name,
        familyName: "Wartend",
        email: `${name.toLowerCase()}@example.org`,
        dateOfBirth: "1990-03-27",
        confirmedAt: new Date(Date.now() - (10 - n) * 60_000),
      },
    });
  }

  // The citizen cancels through their page; the wishes are offered the day's free times (the seeded day has others
  // free too, so each gets one), the first wish the earliest.
  const page = await browser.newPage();
  await page.goto(`${app.url}/termin/${manageToken}/absagen`);
  await page.getByRole("button", { name: deBooking.manage.cancelTitle }).click();
  await page.waitForURL(/abgesagt=1/);
  const offers = await app.db.wishOffer.findMany({ include: { wish: true }, orderBy: { offeredAt: "asc" } });
  expect(offers.map((o) => [o.wish.givenName, o.outcome])).toEqual([
    ["Amira", "OPEN"],
    ["Bilal", "OPEN"],
  ]);
  expect(offers[0].startsAt < offers[1].startsAt).toBe(true);

  const offerMail = async (bookingId: string) => {
    const mail = await app.db.outboxMessage.findFirstOrThrow({ where: { template: "wish-offer", bookingId } });
    return (JSON.parse(mail.payload) as { manageUrl: string }).manageUrl;
  };

  // Amira opens the offer: deadline and both answers; she declines, which asks first.
  await page.goto(await offerMail(offers[0].bookingId));
  expect(await page.getByRole("heading", { name: deOffers.title }).count()).toBe(1);
  expect(await page.getByTestId("offer-deadline").textContent()).toMatch(/Bitte sagen Sie bis .+ Uhr zu oder ab/);
  await expectAccessible(page, "offer");
  await page.getByRole("button", { name: deOffers.decline }).click();
  await page.waitForURL(/\/ablehnen$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(deOffers.declineQuestion);
  await expectAccessible(page, "offer-decline");
  await page.getByRole("button", { name: deOffers.decline }).click();
  await page.waitForURL(/abgelehnt=1/);
  expect(await page.getByRole("status").first().textContent()).toContain(deOffers.declined);

  // Bilal accepts his: booked, with the confirmation e-mail.
  const next = await app.db.wishOffer.findFirstOrThrow({ where: { outcome: "OPEN" }, include: { wish: true } });
  expect(next.wish.givenName).toBe("Bilal");
  expect((await app.db.wishOffer.findUniqueOrThrow({ where: { id: offers[0].id } })).outcome).toBe("DECLINED");
  await page.goto(await offerMail(next.bookingId));
  await page.getByRole("button", { name: deOffers.accept }).click();
  await page.waitForURL(/angenommen=1/);
  expect(await page.getByRole("status").first().textContent()).toContain(deOffers.accepted);
  await expectAccessible(page, "offer-accepted");
  expect(await app.db.booking.findUniqueOrThrow({ where: { id: next.bookingId } })).toMatchObject({ status: "CONFIRMED" });
  expect(await app.db.outboxMessage.count({ where: { template: "booking-confirmation", bookingId: next.bookingId } })).toBe(1);
  await page.close();
});
