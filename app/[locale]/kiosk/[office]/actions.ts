"use server";

import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { kioskCheckInFromForm, kioskCheckInSchema, type KioskCheckInState, kioskWalkInSchema } from "@/lib/schemas/checkin";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { failureCode } from "@/lib/server/actions/refusal";
import { getDb } from "@/lib/server/db";
import { CheckInRefused } from "@/lib/server/services/checkin/check-in";
import { checkInAtKiosk, walkInAtKiosk } from "@/lib/server/services/checkin/kiosk";
import { DEVICE_COOKIES } from "@/lib/server/services/devices/device-credential";

/**
 * The kiosk's check-in, scanned or typed. The kiosk's cookie is the only authorisation (checkInAtKiosk refuses
 * any other device, and counts every attempt); a success leads to the waiting number in the booking's language.
 */
export async function checkInAtKioskAction(officeSlug: string, _: KioskCheckInState, form: FormData): Promise<KioskCheckInState> {
  const parsed = kioskCheckInSchema.safeParse(kioskCheckInFromForm(form));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), at: Date.now() };
  const credential = (await cookies()).get(DEVICE_COOKIES.KIOSK)?.value;
  const by = "token" in parsed.data ? { token: parsed.data.token } : { referenceCode: parsed.data.code };
  let next: { ticketId: string; locale: string };
  try {
    next = await checkInAtKiosk(getDb(), { officeSlug, credential, by }, new Date());
  } catch (e) {
    const error = failureCode(e, "kiosk check-in");
    return { error, opensAt: e instanceof CheckInRefused ? e.opensAt?.toISOString() : undefined, at: Date.now() };
  }
  const locale = isLocale(next.locale) ? next.locale : await getLocale();
  return redirect({ href: `/kiosk/${officeSlug}/nummer/${next.ticketId}`, locale });
}

/** A walk-in ticket from the kiosk's buttons, in the language the kiosk shows; refusals stay on the start screen. */
export async function walkInAtKioskAction(officeSlug: string, _: KioskCheckInState, form: FormData): Promise<KioskCheckInState> {
  const parsed = kioskWalkInSchema.safeParse({ serviceId: form.get("serviceId") });
  if (!parsed.success) return { error: "INVALID_INPUT", at: Date.now() };
  const credential = (await cookies()).get(DEVICE_COOKIES.KIOSK)?.value;
  const locale = await getLocale();
  let ticketId: string;
  try {
    ({ ticketId } = await walkInAtKiosk(getDb(), { officeSlug, credential, serviceId: parsed.data.serviceId, locale }, new Date()));
  } catch (e) {
    return { error: failureCode(e, "kiosk walk-in"), at: Date.now() };
  }
  return redirect({ href: `/kiosk/${officeSlug}/nummer/${ticketId}`, locale });
}
