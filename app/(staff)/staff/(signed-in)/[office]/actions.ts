"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/schemas/form-errors";
import {
  cancelSchema,
  closeDaySchema,
  moveSchema,
  changeServicesSchema,
  onBehalfFromForm,
  onBehalfSchema,
  staffBackPath,
  statusChangeSchema,
  withOutcome,
} from "@/lib/schemas/staff-booking";
import { staffAction } from "@/lib/server/auth/staff-action";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { localDateOf } from "@/lib/domain";
import { getDb } from "@/lib/server/db";
import { bookOnBehalf } from "@/lib/server/services/staff/book-on-behalf";
import { cancelBookingByStaff } from "@/lib/server/services/staff/cancel-booking";
import { changeBookingServices } from "@/lib/server/services/staff/change-booking-services";
import { recordNoShowsForDay } from "@/lib/server/services/staff/close-day";
import { moveBookingByStaff } from "@/lib/server/services/staff/move-booking";
import { recordBookingStatus } from "@/lib/server/services/staff/record-status";

// The clerks' day work. Every action is a public POST endpoint: staffAction checks the session and validates the
// form; the services authorise against the office of the booking they load, never an office named by the request.

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/** Angekommen / Erledigt / Nicht erschienen / Rückgängig, from the agenda or the detail page. */
export async function changeStatus(form: FormData): Promise<void> {
  const back = staffBackPath(form.get("back"));
  const result = await staffAction(
    statusChangeSchema,
    { bookingId: text(form, "bookingId"), action: text(form, "action") },
    ({ staff, data, db, now }) => recordBookingStatus(db, staff, data, now),
  );
  if (!result.ok) redirect(withOutcome(back, { fehler: result.formError ?? "INVALID_INPUT" }));
  const { id, officeSlug } = result.result;
  // The booking's own office decides where to go when the posted page belongs to another one.
  const target = back.startsWith(`/staff/${officeSlug}`) ? back : `/staff/${officeSlug}`;
  redirect(withOutcome(target, { erfolg: text(form, "action"), termin: id }, `termin-${id}`));
}

/** The open appointments of a finished day as no-shows, once the clerk has confirmed the list. */
export async function closeDayAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = {
    officeSlug: text(form, "officeSlug"),
    date: text(form, "date"),
    bookingIds: form.getAll("bookingId").filter((v): v is string => typeof v === "string"),
  };
  const result = await staffAction(closeDaySchema, input, ({ staff, data, db, now }) => recordNoShowsForDay(db, staff, data, now));
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError };
  const { officeSlug, date, count } = result.result;
  redirect(withOutcome(`/staff/${officeSlug}?tag=${date}`, { erfolg: "close-day", anzahl: String(count) }));
}

/** Cancel with a reason (the citizen is told by e-mail). Answers field errors in place, redirects when done. */
export async function cancelAppointment(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { reason: text(form, "reason") ?? "" };
  const result = await staffAction(
    cancelSchema,
    { bookingId: text(form, "bookingId"), reason: values.reason },
    ({ staff, data, db, now }) => cancelBookingByStaff(db, staff, data, now),
  );
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  kickOutbox();
  const { id, officeSlug, mailed } = result.result;
  redirect(`/staff/${officeSlug}/termine/${id}?erfolg=${mailed ? "cancel-mailed" : "cancel"}`);
}

/** The further services of an appointment, from the detail page's checkboxes; refusals answer into the form. */
export async function changeAppointmentServices(_prev: ActionState, form: FormData): Promise<ActionState> {
  const furtherServiceIds = form.getAll("furtherServiceIds").filter((v): v is string => typeof v === "string");
  const result = await staffAction(
    changeServicesSchema,
    { bookingId: text(form, "bookingId"), furtherServiceIds },
    ({ staff, data, db, now }) => changeBookingServices(db, staff, data, now),
  );
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError };
  kickOutbox();
  const { id, officeSlug, changed, mailed } = result.result;
  redirect(`/staff/${officeSlug}/termine/${id}${changed ? `?erfolg=${mailed ? "services-mailed" : "services"}` : ""}`);
}

/** Move to the chosen slot (a submit button of the slot list). */
export async function moveAppointment(form: FormData): Promise<void> {
  const bookingId = text(form, "bookingId") ?? "";
  const back = staffBackPath(form.get("back"));
  const result = await staffAction(
    moveSchema,
    { bookingId, start: text(form, "start") },
    ({ staff, data, db, now }) =>
      moveBookingByStaff(db, staff, { bookingId: data.bookingId, start: new Date(data.start) }, now),
  );
  if (!result.ok) {
    const code = result.fieldErrors?.start ? "SLOT_NOT_OFFERED" : (result.formError ?? "INVALID_INPUT");
    redirect(withOutcome(back, { fehler: code }));
  }
  kickOutbox();
  const { id, officeSlug, mailed } = result.result;
  redirect(`/staff/${officeSlug}/termine/${id}?erfolg=${mailed ? "move-mailed" : "move"}`);
}

const officeSlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

/** Book for a caller or a walk-in. The office comes from the page; the service checks the clerk may work there. */
export async function bookOnBehalfAction(officeSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = onBehalfFromForm(form);
  const values = Object.fromEntries(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  if (!officeSlugSchema.safeParse(officeSlug).success) return { formError: "OFFICE_NOT_FOUND", values };
  // The form's limits (persons, a date of birth not after the office's today) depend on the office and service;
  // reading them reveals nothing, and the service authorises and re-checks everything.
  const office = await getDb().office.findUnique({
    where: { slug: officeSlug },
    select: { timeZone: true, services: { select: { slug: true, maxPersons: true } } },
  });
  if (!office) return { formError: "OFFICE_NOT_FOUND", values };
  const service = office.services.find((s) => s.slug === raw.service);
  const schema = onBehalfSchema({ maxPersons: service?.maxPersons ?? 1, today: localDateOf(new Date(), office.timeZone) });
  const result = await staffAction(schema, raw, ({ staff, data, db, now }) =>
    bookOnBehalf(
      db,
      staff,
      {
        officeSlug,
        serviceSlug: data.service,
        furtherServices: data.furtherServices,
        kind: data.kind,
        start: new Date(data.start),
        persons: data.persons,
        channel: data.channel,
        person: {
          givenName: data.givenName,
          familyName: data.familyName,
          email: data.email,
          phone: data.phone,
          dateOfBirth: data.dateOfBirth,
          remark: data.remark,
        },
      },
      now,
    ),
  );
  if (!result.ok) {
    // A slot taken meanwhile: the page's list of free times is refreshed along with the answer.
    if (result.formError?.startsWith("SLOT_")) revalidatePath(`/staff/${officeSlug}/termine/neu`);
    return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  }
  kickOutbox();
  const { id, mailed } = result.result;
  redirect(`/staff/${result.result.officeSlug}/termine/${id}?erfolg=${mailed ? "create-mailed" : "create"}`);
}
