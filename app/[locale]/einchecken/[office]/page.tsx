import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary, input } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isPosterVisit, POSTER_VISIT_COOKIE } from "@/lib/server/security/check-in-tokens";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { openManageLink } from "./actions";

type Params = Promise<{ locale: string; office: string }>;
type Search = Promise<{ fehler?: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkin.phone");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The phone check-in page the door poster opens: the citizen goes on to their appointment's page (the link from the
 * e-mail), where "Jetzt einchecken" is offered while the window is open, to phones that came through the poster.
 */
export default async function PhoneCheckInPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const office = await getActiveOffice(getDb(), p.office).catch(() => notFound());
  const atOffice = isPosterVisit(office.id, (await cookies()).get(POSTER_VISIT_COOKIE)?.value, new Date());
  const t = await getTranslations("checkin.phone");
  return (
    <div className="space-y-4">
      <p className="text-lg font-semibold text-muted" lang="de">
        {office.name}
      </p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {!atOffice && <Alert kind="info">{t("noPoster")}</Alert>}
      <p className="text-lg">{t("intro")}</p>
      <p>{t("window", { early: office.checkInEarlyMinutes, late: office.checkInLateMinutes })}</p>
      <form action={openManageLink.bind(null, office.slug)} className="space-y-3 rounded border border-line bg-white p-4" noValidate>
        <div>
          <label htmlFor="manage-link" className="block text-lg font-semibold">
            {t("linkLabel")}
          </label>
          <p id="manage-link-hint" className="text-muted">
            {t("linkHint", { example: `${env().APP_URL}/termin/…` })}
          </p>
          {q.fehler === "link" && (
            <p id="manage-link-error" className="font-bold text-error">
              {t("linkInvalid")}
            </p>
          )}
          <input
            id="manage-link"
            name="link"
            type="url"
            inputMode="url"
            autoComplete="off"
            aria-describedby={q.fehler === "link" ? "manage-link-hint manage-link-error" : "manage-link-hint"}
            aria-invalid={q.fehler === "link" ? true : undefined}
            className={`${input} mt-1`}
          />
        </div>
        <button type="submit" className={buttonPrimary}>
          {t("linkSubmit")}
        </button>
      </form>
      <p>{t("kioskHint")}</p>
    </div>
  );
}
