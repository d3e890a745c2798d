import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { KioskFrame } from "@/components/kiosk/kiosk-frame";
import { KioskNotPaired } from "@/components/kiosk/kiosk-not-paired";
import type { Locale } from "@/lib/i18n/routing";
import { KioskReturn, PrintButton } from "@/components/kiosk/kiosk-return";
import { kioskPrimary, kioskSecondary } from "@/components/kiosk/styles";
import { TicketAnswer, TicketSlip } from "@/components/kiosk/ticket-answer";
import { Link, redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { kioskOf, kioskTicket } from "@/lib/server/services/checkin/kiosk";
import { DEVICE_COOKIES } from "@/lib/server/services/devices/device-credential";
import { ticketWaitMinutes } from "@/lib/server/services/queue/wait-times";

type Params = Promise<{ locale: string; office: string; ticket: string }>;

/** How long the answer stays before the kiosk shows its start screen again. */
const ANSWER_SECONDS = 20;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkin.answer");
  return { title: t("number"), robots: { index: false } };
}

/**
 * The kiosk's answer: the waiting number, in the ticket's language first (the language switch in the header shows
 * it in any other), with a ticket to print. Only this office's kiosk sees today's tickets of this office.
 */
export default async function KioskTicketPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const db = getDb();
  const now = new Date();
  const kiosk = await kioskOf(db, p.office, (await cookies()).get(DEVICE_COOKIES.KIOSK)?.value, now);
  if (!kiosk) return <KioskNotPaired />;
  const start = `/kiosk/${kiosk.office.slug}`;
  const ticket = await kioskTicket(db, kiosk, p.ticket, p.locale, now);
  if (!ticket) return redirect({ href: start, locale: p.locale });
  const t = await getTranslations("checkin.answer");
  const messages = await getMessages();
  // No estimate (no clerk on duty for the service) shows nothing rather than a guess.
  const view = { ...ticket, waitMinutes: await ticketWaitMinutes(db, ticket.id, now) };
  return (
    <KioskFrame locale={p.locale as Locale} officeName={kiosk.office.name}>
      <div className="space-y-6 print:hidden">
        <TicketAnswer ticket={view} />
        <div className="grid gap-4 sm:grid-cols-2">
          <PrintButton label={t("print")} className={kioskSecondary} />
          <Link href={start} className={kioskPrimary}>
            {t("done")}
          </Link>
        </div>
        <NextIntlClientProvider messages={{ checkin: messages.checkin }}>
          <KioskReturn href={start} seconds={ANSWER_SECONDS} />
        </NextIntlClientProvider>
      </div>
      <TicketSlip ticket={view} officeName={kiosk.office.name} />
    </KioskFrame>
  );
}
