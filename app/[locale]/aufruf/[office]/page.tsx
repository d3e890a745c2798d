import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CallDisplay } from "@/components/display/call-display";
import { Link } from "@/lib/i18n/navigation";
import { loadMessages } from "@/lib/i18n/messages";
import { locales } from "@/lib/i18n/routing";
import { buttonPrimary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { pairedDevice, displayCounterIds } from "@/lib/server/services/devices/device-access";
import { deviceCookie } from "@/lib/server/services/devices/device-cookie";
import { displayState } from "@/lib/server/services/devices/display-state";
import { pageBranding } from "@/lib/server/services/branding/page-branding";

type Params = Promise<{ locale: string; office: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("display");
  return { title: t("pageTitle"), robots: { index: false } };
}

/** The announcement of every language, for the spoken call in German and then in the ticket's language. */
async function announcementTemplates(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    locales.map(async (locale) => [locale, ((await loadMessages(locale)) as { display: { announcement: string } }).display.announcement] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * The call-up display of an office for the waiting room's screen. Only a display paired to this office sees it;
 * anyone else (an unknown office too, so that nothing is revealed) gets the explanation how to pair.
 */
export default async function CallDisplayPage({ params }: { params: Params }) {
  const { locale, office: officeSlug } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("display");
  const db = getDb();
  const now = new Date();
  const paired = await pairedDevice(db, await deviceCookie("DISPLAY"), "DISPLAY", officeSlug, now);
  if (!paired) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("notPaired.title")}</h1>
        <p>{t("notPaired.text")}</p>
        <Link href="/geraet" className={buttonPrimary}>
          {t("notPaired.link")}
        </Link>
      </div>
    );
  }
  const { office, device } = paired;
  const initial = await displayState(db, office, displayCounterIds(device), now);
  const api = `/api/live/${encodeURIComponent(office.slug)}`;
  const branding = await pageBranding();
  return (
    <CallDisplay
      officeName={office.name}
      brand={branding ? { cityName: branding.cityName, logo: branding.logo } : undefined}
      initial={initial}
      eventsUrl={`${api}/events`}
      stateUrl={`${api}/state`}
      announce={office.announceCalls}
      announcements={await announcementTemplates()}
      texts={{
        title: t("title"),
        newest: t("newest"),
        number: t("number"),
        counter: t("counter"),
        previous: t("previous"),
        empty: t("empty"),
        hint: t("hint"),
        lost: t("lost"),
        lostHint: t("lostHint"),
        soundOn: t("soundOn"),
        soundHint: t("soundHint"),
      }}
    />
  );
}
