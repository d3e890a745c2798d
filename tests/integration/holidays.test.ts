import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { createOfficeSchema, serviceSchema, updateOfficeSchema } from "@/lib/schemas/office";
import { createBlockSchema } from "@/lib/schemas/capacity";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import type { Actor } from "@/lib/server/auth/permissions";
import { closeHoliday, createCapacityBlock, openHoliday } from "@/lib/server/services/capacity";
import { createOffice, createService, updateOffice } from "@/lib/server/services/offices";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at } from "../helpers/office-fixture";
import { bookOnline } from "../helpers/integration/bookings";

// A new office of a city in Rhineland-Palatinate is closed on the state's public holidays without anyone acting,
// in every year: the public API lists no time on Good Friday two years ahead, and the usual times the day before.
// The clock is pinned to Monday 20 April 2026, 07:00 in Berlin; the office books 730 days ahead.

/** The office as the administration's form posts it. */
const SETTINGS = {
  slug: "buergerbuero",
  name: "Bürgerbüro",
  authority: "Stadt Teststadt",
  street: "Rathausplatz 2",
  postalCode: "12345",
  locality: "Teststadt",
  timeZone: "Europe/Berlin",
  holidayRegion: "DE-RP",
  bookingHorizonDays: "730",
  minNoticeMinutes: "60",
  slotStepMinutes: "30",
  maxActiveBookingsPerEmail: "3",
  verificationMode: "NONE",
  holdMinutes: "30",
  rebookDelayMinutes: "0",
  statusCorrectionDays: "7",
  reminderHours: "24",
  retentionDays: "30",
  waitlistEnabled: "true",
  offerHours: "12",
  urgentWithinDays: "28",
  urgentReleaseHours: "48",
  extensionRequestsEnabled: "false",
  checkInEarlyMinutes: "30",
  checkInLateMinutes: "15",
  callToleranceMinutes: "10",
  walkInQueueLimit: "30",
  announceCalls: "false",
};

const APP_URL = "https://termine.example.org";
process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const NOW = at("2026-04-20", "07:00");
const GOOD_FRIDAY = "2028-04-14";
const MAUNDY_THURSDAY = "2028-04-13";

async function slotsOn(date: string): Promise<string[]> {
  const path = `/api/v1/offices/buergerbuero/services/personalausweis/slots?from=${date}&to=${date}`;
  const response = await listSlots(new Request(`${APP_URL}${path}`), {
    params: Promise.resolve({ office: "buergerbuero", service: "personalausweis" }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { slots: Array<{ start: string }> };
  return body.slots.map((s) => new Date(s.start).toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }));
}

describeEachDatabase("a new office and a public holiday two years ahead, through the public API", (ctx) => {
  let restore: () => void;
  let admin: Actor;
  let officeId: string;

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => undefined });
  });
  afterAll(() => restore());

  eachTestOnEmptyDatabase(ctx, async () => {
    const user = await ctx.db.staffUser.create({ data: { email: "admin@amt.example", name: "Admin", role: "ADMIN" } });
    admin = { id: user.id, role: "ADMIN", officeIds: [] };
    // Given the administrator creates the Bürgerbüro in Rhineland-Palatinate with the existing services ...
    const office = await createOffice(ctx.db, admin, createOfficeSchema.parse(SETTINGS));
    officeId = office.id;
    await createService(ctx.db, admin, {
      ...serviceSchema([]).parse({ slug: "personalausweis", name: "Personalausweis", durationMinutes: "30", extraPersonMinutes: "0", maxPersons: "1", releaseMode: "FIRST_COME", asksPermitExpiry: "false", translations: {} }),
      officeId,
    });
    // ... with one clerk Monday to Friday, 08:00-12:00, and nobody accepts or enters any holiday.
    const block = createBlockSchema.parse({ officeId, weekdays: ["1", "2", "3", "4", "5"], start: "08:00", end: "12:00", clerks: "1" });
    expect((await createCapacityBlock(ctx.db, admin, block, NOW)).status).toBe("applied");
  });

  it("lists no time on Good Friday two years ahead, and the usual times the day before", async () => {
    expect(await slotsOn(GOOD_FRIDAY)).toEqual([]);
    expect(await slotsOn(MAUNDY_THURSDAY)).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    // Every year: Good Friday 2027 (26 March) is closed as well.
    expect(await slotsOn("2027-03-26")).toEqual([]);
  });

  it("lists Good Friday once the office opens it as an exception, and not after it closes it again", async () => {
    expect((await openHoliday(ctx.db, admin, { officeId, date: GOOD_FRIDAY }, NOW)).status).toBe("applied");
    expect(await slotsOn(GOOD_FRIDAY)).toHaveLength(8);
    expect((await closeHoliday(ctx.db, admin, { officeId, date: GOOD_FRIDAY }, NOW)).status).toBe("applied");
    expect(await slotsOn(GOOD_FRIDAY)).toEqual([]);
  });

  it("moving to another state closes its holidays, but keeps a day with a booked appointment open", async () => {
    // Heilige Drei Könige is a holiday in Bavaria, not in Rhineland-Palatinate: a citizen books 6 January 2027.
    const booked = await bookOnline(ctx.db, {
      officeSlug: "buergerbuero",
      serviceSlug: "personalausweis",
      start: at("2027-01-06", "09:00"),
      now: NOW,
    });
    await updateOffice(ctx.db, admin, updateOfficeSchema.parse({ ...SETTINGS, holidayRegion: "DE-BY", officeId }), NOW);

    expect(await slotsOn("2027-01-06")).toHaveLength(7);
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("CONFIRMED");
    expect(await slotsOn("2028-01-06")).toEqual([]);
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "office.update" } });
    expect(JSON.parse(audit.details!)).toEqual({ changed: ["holidayRegion"], openedHolidays: ["2027-01-06"] });
  });
});
