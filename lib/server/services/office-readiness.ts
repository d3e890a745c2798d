import { bookableDates } from "@/lib/domain";
import { canTakeBookings, type ReadinessInput, readinessChecklist } from "@/lib/domain/readiness";
import { defaultLocale } from "@/lib/i18n/routing";
import { LEGAL_KINDS, type LegalKind, SITE_SCOPE } from "@/lib/schemas/legal";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadSchedule } from "./availability";
import { listActiveOffices } from "./office-catalog";
import { officeFor } from "./offices/access";

// Whether an office can take bookings, read from the database for the rule in lib/domain/readiness: the public
// directory and the API list only such offices, the administration sees the checklist of what is missing.

type ScheduledOffice = Parameters<typeof loadSchedule>[1] & {
  bookingHorizonDays: number;
  minNoticeMinutes: number;
  slotStepMinutes: number;
};

interface ServiceRules {
  id: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
}

async function readinessInput(db: Db, office: ScheduledOffice, activeServices: ServiceRules[], now: Date): Promise<ReadinessInput> {
  const { today, last } = bookableDates(office, office.timeZone, now);
  return {
    schedule: await loadSchedule(db, office, today, last),
    rules: {
      slotStepMinutes: office.slotStepMinutes,
      minNoticeMinutes: office.minNoticeMinutes,
      bookingHorizonDays: office.bookingHorizonDays,
    },
    services: activeServices.map(({ id, durationMinutes, extraPersonMinutes, maxPersons }) => ({
      id,
      durationMinutes,
      extraPersonMinutes,
      maxPersons,
    })),
    now,
  };
}

/** Whether citizens can book at an active office; `office.services` are its active services. */
export async function isBookable(db: Db, office: ScheduledOffice & { services: ServiceRules[] }, now: Date): Promise<boolean> {
  // Without a service nothing can be booked: no need to read the schedule.
  if (office.services.length === 0) return false;
  return canTakeBookings(await readinessInput(db, office, office.services, now));
}

/** Which of `services` citizens can book at the office, each judged alone by the same rule; one schedule read. */
export async function bookableServiceIds(db: Db, office: ScheduledOffice, services: ServiceRules[], now: Date): Promise<Set<string>> {
  if (services.length === 0) return new Set();
  const input = await readinessInput(db, office, services, now);
  return new Set(services.filter((s) => canTakeBookings({ ...input, services: input.services.filter((i) => i.id === s.id) })).map((s) => s.id));
}

/** The public directory and the API's office list: the active offices that can take bookings, in directory order. */
export async function listBookableOffices(db: Db, now: Date) {
  const offices = await listActiveOffices(db);
  const bookable = await Promise.all(offices.map((office) => isBookable(db, office, now)));
  return offices.filter((_, i) => bookable[i]);
}

/**
 * The administration's checklist for one office (service, capacity, legal texts, sender), with the site's legal
 * texts that are still missing in German. For those who may edit the office's settings.
 */
export async function getOfficeReadiness(db: Db, actor: Actor, officeId: unknown, now: Date) {
  const office = await officeFor(db, actor, "office:settings", officeId);
  const [services, legalTexts] = await Promise.all([
    db.service.findMany({
      where: { officeId: office.id, active: true },
      select: { id: true, durationMinutes: true, extraPersonMinutes: true, maxPersons: true },
    }),
    db.legalText.findMany({ where: { scope: SITE_SCOPE, locale: defaultLocale }, select: { kind: true, body: true } }),
  ]);
  const has = (kind: LegalKind) => legalTexts.some((t) => t.kind === kind && t.body.trim() !== "");
  const checklist = readinessChecklist({
    ...(await readinessInput(db, office, services, now)),
    legalTexts: { imprint: has("IMPRINT"), privacy: has("PRIVACY"), accessibility: has("ACCESSIBILITY") },
    mail: { senderName: office.senderName, replyTo: office.replyTo },
  });
  return { ...checklist, missingLegalTexts: LEGAL_KINDS.filter((kind) => !has(kind)) };
}

