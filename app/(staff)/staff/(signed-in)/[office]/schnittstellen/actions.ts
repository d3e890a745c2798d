"use server";

import { redirect } from "next/navigation";
import type { WebhookFormState } from "@/components/staff/webhooks/webhook-forms";
import { updateWebhookSchema, webhookEndpointSchema, webhookIdSchema } from "@/lib/schemas/webhooks";
import { staffAction } from "@/lib/server/auth/staff-action";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { createWebhook } from "@/lib/server/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/server/services/webhooks/delete-webhook";
import { rotateWebhookSecret } from "@/lib/server/services/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/server/services/webhooks/send-test-webhook";
import { updateWebhook } from "@/lib/server/services/webhooks/update-webhook";

// The webhooks page of an office (administrators). The services authorise against the endpoint's own office. A new
// secret is answered to the form (it is shown once); the form then refreshes the list.

const page = (officeSlug: string) => `/staff/${encodeURIComponent(officeSlug)}/schnittstellen`;
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The form as the schema reads it, and as the form shows it again after a refusal. */
function endpointInput(form: FormData) {
  const events = form.getAll("events").filter((v): v is string => typeof v === "string");
  const includePersonalData = form.get("includePersonalData") === "on";
  const active = form.get("active") === "on";
  const values = {
    label: field(form, "label"),
    url: field(form, "url"),
    events: events.join(","),
    includePersonalData: includePersonalData ? "on" : "",
    active: active ? "on" : "",
  };
  return { input: { label: values.label, url: values.url, events, includePersonalData, active }, values };
}

export async function createWebhookAction(officeSlug: string, _prev: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  const { input, values } = endpointInput(form);
  const result = await staffAction(webhookEndpointSchema, input, ({ staff, data, db }) => createWebhook(db, staff, officeSlug, data));
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  return { secret: result.result.secret, label: result.result.endpoint.label };
}

export async function updateWebhookAction(endpointId: string, _prev: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  const { input, values } = endpointInput(form);
  const result = await staffAction(updateWebhookSchema, { ...input, endpointId }, ({ staff, data, db }) => updateWebhook(db, staff, data));
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  return { saved: true };
}

export async function rotateSecretAction(endpointId: string, _prev: WebhookFormState): Promise<WebhookFormState> {
  const result = await staffAction(webhookIdSchema, endpointId, ({ staff, data, db }) => rotateWebhookSecret(db, staff, data));
  if (!result.ok) return { formError: result.formError ?? "UNEXPECTED" };
  return { secret: result.result.secret, label: result.result.endpoint.label };
}

export async function sendTestAction(officeSlug: string, form: FormData): Promise<void> {
  const result = await staffAction(webhookIdSchema, field(form, "endpointId"), ({ staff, data, db, now }) => sendTestWebhook(db, staff, data, now));
  if (!result.ok) redirect(`${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`);
  kickOutbox();
  redirect(`${page(result.result.officeSlug)}?test=1`);
}

export async function deleteWebhookAction(officeSlug: string, form: FormData): Promise<void> {
  const result = await staffAction(webhookIdSchema, field(form, "endpointId"), ({ staff, data, db }) => deleteWebhook(db, staff, data));
  redirect(
    result.ok
      ? `${page(result.result.officeSlug)}?geloescht=1`
      : `${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`,
  );
}
