"use server";

import { redirect } from "next/navigation";
import type { PairingCodeState } from "@/components/staff/devices/device-forms";
import { createDeviceSchema, deviceIdSchema, formatPairingCode } from "@/lib/schemas/devices";
import { staffAction } from "@/lib/server/auth/staff-action";
import { createDevice } from "@/lib/server/services/devices/create-device";
import { renewPairingCode, revokeDevice } from "@/lib/server/services/devices/device-admin";

// The devices page of an office. The services authorise against the office (office heads only). A new code is
// answered to the form (it is shown once); the form then refreshes the list.

const page = (officeSlug: string) => `/staff/${encodeURIComponent(officeSlug)}/geraete`;
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The one moment a code is readable: formatted for reading out, with the end of its validity in office time. */
function shown(result: { code: string; expiresAt: Date; timeZone: string; device: { name: string } }): PairingCodeState {
  const until = new Intl.DateTimeFormat("de-DE", { timeStyle: "short", timeZone: result.timeZone }).format(result.expiresAt);
  return { code: formatPairingCode(result.code), until, deviceName: result.device.name };
}

export async function createDeviceAction(officeSlug: string, _prev: PairingCodeState, form: FormData): Promise<PairingCodeState> {
  const values = { kind: field(form, "kind"), name: field(form, "name") };
  const input = { ...values, counterIds: form.getAll("counterIds").filter((v): v is string => typeof v === "string") };
  const result = await staffAction(createDeviceSchema, input, ({ staff, data, db, now }) => createDevice(db, staff, officeSlug, data, now));
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  return shown(result.result);
}

export async function renewCodeAction(officeSlug: string, deviceId: string, _prev: PairingCodeState): Promise<PairingCodeState> {
  const result = await staffAction(deviceIdSchema, deviceId, ({ staff, data, db, now }) => renewPairingCode(db, staff, data, now));
  if (!result.ok) return { formError: result.formError ?? "UNEXPECTED" };
  return shown(result.result);
}

export async function revokeDeviceAction(officeSlug: string, form: FormData): Promise<void> {
  const result = await staffAction(deviceIdSchema, field(form, "deviceId"), ({ staff, data, db, now }) => revokeDevice(db, staff, data, now));
  redirect(result.ok ? `${page(result.result.officeSlug)}?gesperrt=1` : `${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`);
}
