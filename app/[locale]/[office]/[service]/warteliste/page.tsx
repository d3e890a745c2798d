import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { SummaryList } from "@/components/booking/summary-list";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { weekdayNames } from "@/lib/i18n/local-dates";
import { WishForm } from "@/components/waitlist/wish-form";
import { addDays, localDateOf } from "@/lib/domain";
import { wishDateBounds } from "@/lib/schemas/wish";
import { getDb } from "@/lib/server/db";
import { antibotEnabled } from "@/lib/server/security/antibot";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { wizardStepWithPerson } from "@/lib/server/wizard-page";
import { leaveWish } from "./actions";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  const t = await getTranslations("waitlist.titles");
  return { title: [t("wish"), found?.service.name, found?.office.name].filter(Boolean).join(" – ") };
}

/** The wizard's waiting-list step: what suits, for the service, persons and person entered before. */
export default async function WishPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const { office, service, person } = await wizardStepWithPerson(p);
  if (!office.waitlistEnabled) notFound();
  const t = await getTranslations("waitlist");
  const tb = await getTranslations("booking");
  const today = localDateOf(new Date(), office.timeZone);
  const bounds = wishDateBounds(today, office.bookingHorizonDays);
  const persons = Math.min(person.persons, service.maxPersons);
  const base = `/${office.slug}/${service.slug}`;
  // Persons and personal data are the wizard's personal-data step.
  const changeLink = (item: string) => ({ href: base, label: tb("changeItem", { item }) });
  return (
    <div>
      <BackLink href={`${base}/termin`} />
      <h1 className="mb-2 text-3xl font-bold">{t("form.title")}</h1>
      <p className="mb-2 text-lg">{t("form.intro")}</p>
      <p className="mb-6">{t("form.confirmHint")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("form.forTitle")}</h2>
      <div className="mb-8">
        <SummaryList
          rows={[
            {
              label: tb("review.service"),
              value: (
                <TextInLanguage locale={service.textLocales.name} pageLocale={p.locale}>
                  {service.name}
                </TextInLanguage>
              ),
            },
            { label: tb("review.persons"), value: String(persons), change: changeLink(tb("review.persons")) },
            {
              label: tb("review.name"),
              value: [person.givenName, person.familyName].filter(Boolean).join(" "),
              change: changeLink(tb("review.name")),
            },
            { label: tb("review.email"), value: person.email, change: changeLink(tb("review.email")) },
          ]}
        />
      </div>
      <h2 className="mb-4 text-xl font-bold">{t("form.whenTitle")}</h2>
      <WishForm
        action={leaveWish.bind(null, office.slug, service.slug)}
        today={today}
        bookingHorizonDays={office.bookingHorizonDays}
        lastDate={bounds.last}
        defaults={{
          earliestDate: today,
          latestDate: addDays(today, office.bookingHorizonDays),
          weekdays: [1, 2, 3, 4, 5],
          dayParts: ["MORNING", "AFTERNOON"],
        }}
        weekdayNames={weekdayNames(p.locale)}
        submitLabel={t("form.submit")}
        antibot={antibotEnabled()}
      />
    </div>
  );
}
