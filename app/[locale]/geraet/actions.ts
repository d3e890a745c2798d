"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { pairingCodeSchema } from "@/lib/schemas/devices";
import { getDb } from "@/lib/server/db";
import { isAppError, isFieldError } from "@/lib/server/errors";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { setDeviceCookie } from "@/lib/server/services/devices/device-cookie";
import { pairDevice } from "@/lib/server/services/devices/pair-device";

// The pairing page's form: a plain POST, so that it works on a kiosk browser without JavaScript as well.

/** The device's start page after pairing: the kiosk or the call-up display of its office. */
function devicePath(locale: string, kind: "KIOSK" | "DISPLAY", officeSlug: string): string {
  const prefix = locale === defaultLocale ? "" : `/${locale}`;
  return `${prefix}/${kind === "KIOSK" ? "kiosk" : "aufruf"}/${encodeURIComponent(officeSlug)}`;
}

export async function pairThisDevice(locale: string, form: FormData): Promise<void> {
  const lang = isLocale(locale) ? locale : defaultLocale;
  const back = (reason: string) => `${lang === defaultLocale ? "" : `/${lang}`}/geraet?fehler=${reason}`;
  const typed = form.get("code");
  const parsed = pairingCodeSchema.safeParse({ code: typeof typed === "string" ? typed : "" });
  if (!parsed.success) redirect(back(fieldErrorsOf(parsed.error).code?.[0] ?? "pairingCodeInvalid"));
  const now = new Date();
  let paired: Awaited<ReturnType<typeof pairDevice>>;
  try {
    paired = await pairDevice(getDb(), { code: parsed.data.code, clientKey: hashClientAddress(clientAddressOf(await headers()), now) }, now);
  } catch (e) {
    if (isFieldError(e)) redirect(back(e.reason));
    if (isAppError(e) && e.code === "RATE_LIMITED") redirect(back("tooManyAttempts"));
    throw e;
  }
  await setDeviceCookie(paired.kind, paired.credential);
  redirect(devicePath(lang, paired.kind, paired.officeSlug));
}
