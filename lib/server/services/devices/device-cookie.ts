import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/server/env";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIES, type DeviceKindName } from "./device-credential";

/**
 * Puts a device credential into its kind's cookie: httpOnly (no script reads it), SameSite=Lax, Secure in
 * production and wherever the app is served over HTTPS.
 */
export async function setDeviceCookie(kind: DeviceKindName, credential: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIES[kind], credential, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" || env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

/** The credential in this kind's cookie of the current request, if any. */
export async function deviceCookie(kind: DeviceKindName): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIES[kind])?.value;
}
