import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { clockTime, longDate } from "@/components/booking/format";
import { OfficeText } from "@/components/booking/office-address";
import { PersonalDataForm } from "@/components/booking/personal-data-form";
import { QrLinks } from "@/components/booking/qr-links";
import { StepIndicator } from "@/components/booking/step-indicator";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { localDateOf } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { isBookable } from "@/lib/server/services/office-readiness";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readPersonForOffice, readWizardState } from "@/lib/server/wizard-state";
import { wizardAppointment, type WizardAppointment } from "@/lib/server/wizard-page";
import { ServiceNames } from "@/components/booking/appointment-summary";
import { documentsOfAll } from "@/lib/domain/service-texts";
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
  const ta = await getTranslations("anyLocation");
  // A time already taken in the calendar across locations: shown, and the way back leads to that calendar.
  const state = await readWizardState(office.slug, service.slug);
  const person = state?.person ?? (await readPersonForOffice(office.slug));
  const chosen = state?.anyLocation && state.slot ? { slot: new Date(state.slot), from: state.anyLocation } : null;
  const format = await getFormatter();
  let appointment: WizardAppointment;
  try {
    appointment = wizardAppointment(found, { further: state?.further });
  } catch {
    // The further services chosen are no longer offered together: back to choosing.
    return redirect({ href: `/${office.slug}`, locale: p.locale });
  }
  const documents = documentsOfAll(appointment.services);
  const rounds = await roundInfoForService(getDb(), office, service, new Date());
  return (
    <div>
      <BackLink href={chosen ? `/leistungen/${chosen.from}/termin` : `/${office.slug}`} />
      <StepIndicator current="personal" />
      <div className="mb-6 rounded border-s-8 border-brand bg-white p-4">
        <p className="text-muted">{t(appointment.services.length > 1 ? "personal.selectedServices" : "personal.selectedService")}</p>
        <p className="text-xl font-bold">
          <ServiceNames services={appointment.services} pageLocale={p.locale} />
        </p>
        <p>
          <OfficeText pageLocale={p.locale}>
            {office.name}, {office.authority}
          </OfficeText>{" "}
          · {t("office.duration", { minutes: t("minutes", { count: appointment.minutes(1) }) })}
        </p>
        {chosen && (
          <p className="mt-2" data-testid="chosen-slot">
            <span className="text-muted">{ta("chosen")}: </span>
            <span className="font-bold">
              {t("review.whenValue", {
                date: longDate(format, chosen.slot, office.timeZone),
                time: clockTime(format, chosen.slot, office.timeZone),
              })}
            </span>
          </p>
        )}
        {documents.length > 0 && (
          <details className="mt-2">
            <summary className="cursor-pointer text-brand underline">{t("office.documents")}</summary>
            <ul className="mt-1 list-disc ps-6">
              {documents.map((d) => (
                <li key={d.text}>
                  <TextInLanguage locale={d.locale} pageLocale={p.locale}>
                    {d.text}
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
        maxPersons={appointment.maxPersons}
        today={localDateOf(new Date(), office.timeZone)}
        defaults={state?.slotPersons ? { ...person, persons: state.slotPersons, kind: state.slotKind ?? "IN_PERSON" } : person}
        asksPermitExpiry={service.asksPermitExpiry}
        submitLabel={chosen ? ta("submitToReview") : undefined}
        kinds={appointment.kinds}
      />
      <QrLinks path={`/${office.slug}/${service.slug}`} />
    </div>
  );
}
