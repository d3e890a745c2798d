"use server";

import { redirect } from "next/navigation";
import { resendSchema } from "@/lib/schemas/outbox";
import { staffAction } from "@/lib/server/auth/staff-action";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { resendOutboxMessage } from "@/lib/server/services/outbox-admin/resend-outbox-message";

// "Erneut senden" on the outbox page: a plain form POST. The service authorises against the message's own office.

export async function resendMessage(officeSlug: string, form: FormData): Promise<void> {
  const back = `/staff/${encodeURIComponent(officeSlug)}/postausgang`;
  const messageId = form.get("messageId");
  const result = await staffAction(resendSchema, { messageId: typeof messageId === "string" ? messageId : undefined }, ({ staff, data, db, now }) =>
    resendOutboxMessage(db, staff, data, now),
  );
  if (!result.ok) redirect(`${back}?fehler=${result.formError ?? "INVALID_INPUT"}`);
  kickOutbox();
  redirect(`/staff/${result.result.officeSlug}/postausgang?erneut=1`);
}
