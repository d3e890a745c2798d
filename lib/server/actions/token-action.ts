import "server-only";
import { isConfirmed, manageTokenSchema } from "@/lib/schemas/booking";
import { type Db, getDb } from "@/lib/server/db";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { go, redirectingStep } from "./citizen-step";

export interface TokenChange {
  /** A final change happens only from its confirmation page (its form says so); any other post opens that page. */
  confirmation?: { form: FormData | undefined; page: string };
  /** Where a refusal is shown, below the booking's page; the booking's page itself if not given. */
  errorPage?: string;
  /** The change wrote an e-mail: the mail worker is woken. */
  mails?: boolean;
  /** The manage pages the token belongs to: a booking's (`/termin`, the default) or a wish's (`/warteliste`). */
  base?: "/termin" | "/warteliste";
  /** Makes the change and answers the page to show next, below the manage page (`/termin/<token>`). */
  run: (ctx: { db: Db; now: Date }) => Promise<string>;
}

/**
 * The frame of every action behind the link in the confirmation e-mail. The token is the only credential: a
 * malformed one leads to the page for unusable links before anything is read, and the services answer a wrong one
 * like an erased booking.
 */
export async function tokenAction(token: string, change: TokenChange): Promise<never> {
  const base = change.base ?? "/termin";
  if (!manageTokenSchema.safeParse(token).success) return go(`${base}/ungueltig`);
  const page = `${base}/${token}`;
  if (change.confirmation && !isConfirmed(change.confirmation.form)) return go(`${page}${change.confirmation.page}`);
  return redirectingStep("booking link", `${page}${change.errorPage ?? ""}`, async () => {
    const next = await change.run({ db: getDb(), now: new Date() });
    if (change.mails) kickOutbox();
    return `${page}${next}`;
  });
}
