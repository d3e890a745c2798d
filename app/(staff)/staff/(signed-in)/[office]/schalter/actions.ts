"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import {
  callNextSchema,
  counterTicketSchema,
  counterWalkInSchema,
  createCounterSchema,
  finishTicketSchema,
  forwardTicketSchema,
  setCounterActiveSchema,
  takeBackSchema,
  updateCounterSchema,
} from "@/lib/schemas/counter";
import { officeSlugSchema } from "@/lib/schemas/office";
import { staffAction } from "@/lib/server/auth/staff-action";
import { env } from "@/lib/server/env";
import { createCounter } from "@/lib/server/services/counters/create-counter";
import { setCounterActive } from "@/lib/server/services/counters/set-counter-active";
import { updateCounter } from "@/lib/server/services/counters/update-counter";
import { callNext } from "@/lib/server/services/queue/call-next";
import { finishTicket } from "@/lib/server/services/queue/finish-ticket";
import { forwardTicket } from "@/lib/server/services/queue/forward-ticket";
import { issueWalkInAtCounter } from "@/lib/server/services/queue/issue-walk-in-at-counter";
import { loadCounterFor } from "@/lib/server/services/queue/queue-write";
import { parkTicket } from "@/lib/server/services/queue/park-ticket";
import { recallTicket } from "@/lib/server/services/queue/recall-ticket";
import { takeBackTicket } from "@/lib/server/services/queue/take-back-ticket";
import { COUNTER_COOKIE_MAX_AGE, counterCookieName } from "./counter-cookie";

// The counter screen's buttons. Every action is a public POST endpoint: staffAction checks the session and validates
// the form; the services authorise against the office of the counter and ticket they load, never the page's office.
// Each answers by redirecting to the counter screen with its outcome, so the screen works without JavaScript too.

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/** The counter screen of the office named by the form (only ever a path; the services decided what happened). */
function screen(form: FormData, outcome: Record<string, string | undefined>, path = "/schalter"): never {
  const slug = officeSlugSchema.safeParse(text(form, "officeSlug"));
  const params = new URLSearchParams(Object.entries(outcome).filter((e): e is [string, string] => typeof e[1] === "string"));
  const query = params.size > 0 ? `?${params}` : "";
  redirect(slug.success ? `/staff/${slug.data}${path}${query}` : "/staff");
}

/** The workstation's counter, remembered in a cookie per office (a counter belongs to the desk, not the account). */
export async function chooseCounterAction(form: FormData): Promise<void> {
  const answer = await staffAction(callNextSchema, { counterId: text(form, "counterId") }, ({ db, staff, data }) =>
    loadCounterFor(db, staff, data.counterId),
  );
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "COUNTER_NOT_FOUND" });
  const counter = answer.result;
  (await cookies()).set(counterCookieName(counter.office.slug), counter.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" || env().APP_URL.startsWith("https://"),
    path: `/staff/${counter.office.slug}`,
    maxAge: COUNTER_COOKIE_MAX_AGE,
  });
  screen(form, { erfolg: "counter" });
}

export async function callNextAction(form: FormData): Promise<void> {
  const answer = await staffAction(callNextSchema, { counterId: text(form, "counterId") }, ({ db, staff, data, now }) =>
    callNext(db, staff, data, now),
  );
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, answer.result ? { erfolg: "call", nummer: answer.result.label } : { erfolg: "none" });
}

const counterTicket = (form: FormData) => ({ counterId: text(form, "counterId"), ticketId: text(form, "ticketId") });

export async function recallAction(form: FormData): Promise<void> {
  const answer = await staffAction(counterTicketSchema, counterTicket(form), ({ db, staff, data, now }) => recallTicket(db, staff, data, now));
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, { erfolg: "recall", nummer: answer.result.label });
}

/** Erledigt and Nicht erschienen: the button's value names the outcome. */
export async function finishAction(form: FormData): Promise<void> {
  const answer = await staffAction(finishTicketSchema, { ...counterTicket(form), outcome: text(form, "outcome") }, ({ db, staff, data, now }) =>
    finishTicket(db, staff, data, now),
  );
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, { erfolg: answer.result.status === "SERVED" ? "served" : "noShow", nummer: answer.result.label });
}

export async function parkAction(form: FormData): Promise<void> {
  const answer = await staffAction(counterTicketSchema, counterTicket(form), ({ db, staff, data }) => parkTicket(db, staff, data));
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, { erfolg: "park", nummer: answer.result.label });
}

export async function takeBackAction(form: FormData): Promise<void> {
  const answer = await staffAction(takeBackSchema, { ticketId: text(form, "ticketId") }, ({ db, staff, data }) => takeBackTicket(db, staff, data));
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, { erfolg: "takeBack", nummer: answer.result.label });
}

export async function forwardAction(form: FormData): Promise<void> {
  const input = { ...counterTicket(form), serviceId: text(form, "serviceId"), targetCounterId: text(form, "targetCounterId") };
  const answer = await staffAction(forwardTicketSchema, input, ({ db, staff, data }) => forwardTicket(db, staff, data));
  if (!answer.ok) {
    const field = answer.fieldErrors && Object.values(answer.fieldErrors)[0]?.[0];
    screen(form, { fehler: answer.formError ?? "INVALID_INPUT", feld: field });
  }
  screen(form, { erfolg: "forward", nummer: answer.result.label });
}

export async function walkInAction(form: FormData): Promise<void> {
  const input = { counterId: text(form, "counterId"), serviceId: text(form, "serviceId"), urgent: text(form, "urgent") };
  const answer = await staffAction(counterWalkInSchema, input, ({ db, staff, data, now }) => issueWalkInAtCounter(db, staff, data, now));
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" });
  screen(form, { erfolg: "walkIn", nummer: answer.result.label });
}

// The counters' administration (office heads), on /staff/<office>/schalter/plaetze.

const serviceIds = (form: FormData) => form.getAll("serviceId").filter((v): v is string => typeof v === "string");

function refused(answer: { fieldErrors?: ActionState["fieldErrors"]; formError?: string }, values: Record<string, string>): ActionState {
  return { fieldErrors: answer.fieldErrors, formError: answer.formError, values };
}

export async function createCounterAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { name: text(form, "name") ?? "" };
  const input = { officeId: text(form, "officeId"), name: values.name, serviceIds: serviceIds(form) };
  const answer = await staffAction(createCounterSchema, input, ({ db, staff, data }) => createCounter(db, staff, data));
  if (!answer.ok) return refused(answer, values);
  screen(form, { erfolg: "created" }, "/schalter/plaetze");
}

export async function updateCounterAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { name: text(form, "name") ?? "" };
  const input = { counterId: text(form, "counterId"), name: values.name, serviceIds: serviceIds(form) };
  const answer = await staffAction(updateCounterSchema, input, ({ db, staff, data }) => updateCounter(db, staff, data));
  if (!answer.ok) return refused(answer, values);
  screen(form, { erfolg: "saved" }, "/schalter/plaetze");
}

export async function setCounterActiveAction(form: FormData): Promise<void> {
  const input = { counterId: text(form, "counterId"), active: text(form, "active") };
  const answer = await staffAction(setCounterActiveSchema, input, ({ db, staff, data }) => setCounterActive(db, staff, data));
  if (!answer.ok) screen(form, { fehler: answer.formError ?? "INVALID_INPUT" }, "/schalter/plaetze");
  screen(form, { erfolg: answer.result.active ? "reactivated" : "deactivated" }, "/schalter/plaetze");
}
