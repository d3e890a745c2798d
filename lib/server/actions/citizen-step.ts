import "server-only";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { redirect } from "@/lib/i18n/navigation";
import { slotChoiceSchema } from "@/lib/schemas/booking";
import { type ActionState, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { AppError } from "@/lib/server/errors";
import { failureCode, refusalOf } from "./refusal";

// The frames of the citizen's server actions (the booking wizard, the link in the e-mail). A step answers either its
// form, in the one ActionState shape, or by redirecting: to the next page, or with ?fehler=CODE to the page that
// shows the refusal. The pages translate keys and codes into the citizen's language; a refused step changes nothing.

/** A redirect that keeps the citizen's language. */
export async function go(href: string): Promise<never> {
  return redirect({ href, locale: await getLocale() });
}

/** A step that answers by redirecting: to the page `run` returns, or after a refusal to `errorPage?fehler=CODE`. */
export async function redirectingStep(action: string, errorPage: string, run: () => Promise<string>): Promise<never> {
  let next: string;
  try {
    next = await run();
  } catch (e) {
    return go(`${errorPage}?fehler=${failureCode(e, action)}`);
  }
  return go(next);
}

/**
 * A step with a form: the input validated with the form's own schema, then `run`, which returns the next page.
 * Bad input and refusals go back to the form as field errors or a form error.
 */
export async function formStep<S extends z.ZodType>(
  action: string,
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<string>,
): Promise<ActionState> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  let next: string;
  try {
    next = await run(parsed.data);
  } catch (e) {
    return refusalOf(e, action);
  }
  return go(next);
}

/** The start of the slot a form posted (as posted); anything else is not a slot on offer. */
export function postedSlot(form: FormData): string {
  const parsed = slotChoiceSchema.safeParse({ start: form.get("start") });
  if (!parsed.success) throw new AppError("SLOT_NOT_OFFERED");
  return parsed.data.start;
}
