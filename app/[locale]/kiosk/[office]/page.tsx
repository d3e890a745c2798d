import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { KioskFrame } from "@/components/kiosk/kiosk-frame";
import { KioskNotPaired } from "@/components/kiosk/kiosk-not-paired";
import type { Locale } from "@/lib/i18n/routing";
import { KioskStart } from "@/components/kiosk/kiosk-start";
import { getDb } from "@/lib/server/db";
import { kioskOf, kioskWalkIns } from "@/lib/server/services/checkin/kiosk";
import { DEVICE_COOKIES } from "@/lib/server/services/devices/device-credential";
import { checkInAtKioskAction, walkInAtKioskAction } from "./actions";

type Params = Promise<{ locale: string; office: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkin.kiosk");
  return { title: t("title"), robots: { index: false } };
}

/** The kiosk at the office's entrance: check in with the QR code or the reference code. Only on a paired kiosk. */
export default async function KioskPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const db = getDb();
  const now = new Date();
  const kiosk = await kioskOf(db, p.office, (await cookies()).get(DEVICE_COOKIES.KIOSK)?.value, now);
  if (!kiosk) return <KioskNotPaired />;
  const walkIns = await kioskWalkIns(db, kiosk, p.locale, now);
  const t = await getTranslations("checkin.kiosk");
  const messages = await getMessages();
  return (
    <KioskFrame locale={p.locale as Locale} officeName={kiosk.office.name}>
      <div>
        <h1 className="text-4xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-xl">{t("intro")}</p>
      </div>
      <NextIntlClientProvider messages={{ checkin: messages.checkin, walkIns: messages.walkIns }}>
        <KioskStart
          timeZone={kiosk.office.timeZone}
          action={checkInAtKioskAction.bind(null, kiosk.office.slug)}
          walkIns={walkIns}
          walkInAction={walkInAtKioskAction.bind(null, kiosk.office.slug)}
        />
      </NextIntlClientProvider>
    </KioskFrame>
  );
}
