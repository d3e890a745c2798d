import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { OfficeText } from "@/components/booking/office-address";
import { PersonalDataForm } from "@/components/booking/personal-data-form";
import { QrLinks } from "@/components/booking/qr-links";
import { StepIndicator } from "@/components/booking/step-indicator";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { appointmentMinutes, localDateOf } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { documentsOf } from "@/lib/domain/service-texts";
import { isBookable } from "@/lib/server/services/office-readiness";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readPersonForOffice } from "@/lib/server/wizard-state";
import { RoundNotice } from "@/components/booking/round-notice";
import { roundInfoForService } from "@/lib/server/services/rounds/round-info";
import { savePersonalData } from "../actions";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  return { title: found ? `${found.service.name} – ${found.office.name}` : undefined };
}

export default async function PersonalDataPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  if (!found) notFound();
  const { office, service } = found;
  // A service's printed link of an office that cannot take bookings yet leads to the office's contact details.
  if (!(await isBookable(getDb(), office, new Date()))) return redirect({ href: `/${office.slug}`, locale: p.locale });
  const t = await getTranslations("booking");
  const person = await readPersonForOffice(office.slug);
  const documents = documentsOf(service);
  const rounds = await roundInfoForService(getDb(), office, service, new Date());
  return (
    <div>
      <BackLink href={`/${office.slug}`} />
      <StepIndicator current="personal" />
      <div className="mb-6 rounded border-s-8 border-brand bg-white p-4">
        <p className="text-muted">{t("personal.selectedService")}</p>
        <p className="text-xl font-bold">
          <TextInLanguage locale={service.textLocales.name} pageLocale={p.locale}>
            {service.name}
          </TextInLanguage>
        </p>
        <p>
          <OfficeText pageLocale={p.locale}>
            {office.name}, {office.authority}
          </OfficeText>{" "}
          ·{" "}
          {t("office.duration", { minutes: t("minutes", { count: appointmentMinutes(service, 1) }) })}
        </p>
        {documents.length > 0 && (
          <details className="mt-2">
            <summary className="cursor-pointer text-brand underline">{t("office.documents")}</summary>
            <ul className="mt-1 list-disc ps-6">
              {documents.map((d) => (
                <li key={d}>
                  <TextInLanguage locale={service.textLocales.documents} pageLocale={p.locale}>
                    {d}
                  </TextInLanguage>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <h1 className="mb-2 text-3xl font-bold">{t("personal.title")}</h1>
      <p className="mb-6">{t("personal.intro")}</p>
      {rounds && <RoundNotice info={rounds} timeZone={office.timeZone} />}
      <PersonalDataForm
        action={savePersonalData.bind(null, office.slug, service.slug)}
        maxPersons={service.maxPersons}
        today={localDateOf(new Date(), office.timeZone)}
        defaults={person}
        asksPermitExpiry={service.asksPermitExpiry}
      />
      <QrLinks path={`/${office.slug}/${service.slug}`} />
    </div>
  );
}
