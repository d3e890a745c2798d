import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { dateAndTime } from "@/components/booking/format";
import { RoundNotice } from "@/components/booking/round-notice";
import { WishForm } from "@/components/waitlist/wish-form";
import { Alert } from "@/components/ui/alert";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { weekdayNames } from "@/lib/i18n/local-dates";
import { localDateOf } from "@/lib/domain";
import { wishDateBounds } from "@/lib/schemas/wish";
import { getDb } from "@/lib/server/db";
import { antibotEnabled } from "@/lib/server/security/antibot";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { roundInfoForService } from "@/lib/server/services/rounds/round-info";
import { wizardStepWithPerson } from "@/lib/server/wizard-page";
import { requestInRound } from "./actions";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  const t = await getTranslations("rounds.request");
  return { title: [t("title"), found?.service.name, found?.office.name].filter(Boolean).join(" – ") };
}

/** The request for the open release round of a service: which dates, weekdays and parts of the day suit. */
export default async function RoundRequestPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const { office, service } = await wizardStepWithPerson(p);
  const now = new Date();
  const info = await roundInfoForService(getDb(), office, service, now);
  const t = await getTranslations("rounds.request");
  const tw = await getTranslations("waitlist");
  const format = await getFormatter();
  const round = info?.next?.open ? info.next : null;
  const today = localDateOf(now, office.timeZone);
  return (
    <div>
      <BackLink href={`/${office.slug}/${service.slug}/termin`} />
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-lg">
        <TextInLanguage locale={service.textLocales.name} pageLocale={p.locale}>
          {service.name}
        </TextInLanguage>
      </p>
      {!round ? (
        <>
          <Alert kind="error">{t("closed")}</Alert>
          {info && <RoundNotice info={info} timeZone={office.timeZone} />}
        </>
      ) : (
        <>
          <p className="mb-2">{t("intro")}</p>
          <p className="mb-6 font-semibold">
            {t("confirmHint")} ({dateAndTime(format, round.closesAt, office.timeZone)})
          </p>
          <WishForm
            action={requestInRound.bind(null, office.slug, service.slug, round.id)}
            today={today}
            bookingHorizonDays={office.bookingHorizonDays}
            lastDate={wishDateBounds(today, office.bookingHorizonDays).last}
            defaults={{ earliestDate: round.periodFrom, latestDate: round.periodTo, weekdays: [1, 2, 3, 4, 5], dayParts: ["MORNING", "AFTERNOON"] }}
            weekdayNames={weekdayNames(p.locale)}
            submitLabel={t("submit")}
            antibot={antibotEnabled()}
          />
          <p className="mt-6 text-muted">{tw("form.confirmHint")}</p>
        </>
      )}
    </div>
  );
}
