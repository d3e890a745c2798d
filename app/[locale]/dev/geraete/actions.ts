"use server";

import { notFound, redirect } from "next/navigation";
import { slugSchema } from "@/lib/schemas/booking";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { setDeviceCookie } from "@/lib/server/services/devices/device-cookie";
import { pairDemoDevice } from "@/lib/server/services/devices/demo-device";

/** Development only, like the page: this browser becomes the office's demo kiosk or display. */
export async function pairDemo(officeSlug: string, kind: "KIOSK" | "DISPLAY"): Promise<void> {
  if (env().NODE_ENV === "production") notFound();
  if (!slugSchema.safeParse(officeSlug).success || (kind !== "KIOSK" && kind !== "DISPLAY")) notFound();
  const paired = await pairDemoDevice(getDb(), officeSlug, kind, new Date());
  await setDeviceCookie(kind, paired.credential);
  redirect(`/${kind === "KIOSK" ? "kiosk" : "aufruf"}/${encodeURIComponent(paired.officeSlug)}`);
}
