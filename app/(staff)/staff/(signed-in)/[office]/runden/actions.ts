"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import { createRoundSchema, roundIdSchema } from "@/lib/schemas/release-round";
import { staffAction } from "@/lib/server/auth/staff-action";
import { cancelRound, createRound } from "@/lib/server/services/rounds/create-round";
import { dryRunDraw } from "@/lib/server/services/rounds/round-info";

// The release rounds page of an office. The services authorise against the office (office heads only).

const page = (officeSlug: string) => `/staff/${encodeURIComponent(officeSlug)}/runden`;
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function announceRound(officeSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = Object.fromEntries(["serviceId", "opensAt", "closesAt", "periodFrom", "periodTo"].map((n) => [n, field(form, n)]));
  const result = await staffAction(createRoundSchema, values, ({ staff, data, db, now }) => createRound(db, staff, officeSlug, data, now));
  if (!result.ok) return { ...result, values };
  redirect(`${page(officeSlug)}?angekuendigt=${result.result.id}`);
}

export async function cancelRoundAction(officeSlug: string, form: FormData): Promise<void> {
  const result = await staffAction(roundIdSchema, field(form, "roundId"), ({ staff, data, db, now }) =>
    cancelRound(db, staff, officeSlug, data, now),
  );
  redirect(result.ok ? `${page(officeSlug)}?abgesagt=1` : `${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`);
}

/** The dry run after the draw: recomputes from the published record and says whether it matches; writes nothing. */
export async function dryRunAction(officeSlug: string, form: FormData): Promise<void> {
  const roundId = field(form, "roundId");
  const result = await staffAction(roundIdSchema, roundId, ({ staff, data, db }) => dryRunDraw(db, staff, officeSlug, data));
  if (!result.ok) redirect(`${page(officeSlug)}?fehler=${result.formError ?? "INVALID_INPUT"}`);
  const ok = result.result.assignmentMatches && result.result.seedMatchesHash;
  redirect(`${page(officeSlug)}?probelauf=${ok ? "gleich" : "abweichend"}&runde=${encodeURIComponent(roundId)}#runde-${encodeURIComponent(roundId)}`);
}
