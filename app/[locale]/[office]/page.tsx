import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StepIndicator } from "@/components/booking/step-indicator";
import { OfficeAddress, OfficeText } from "@/components/booking/office-address";
import { OfficeNotBookable } from "@/components/booking/office-not-bookable";
import { QrLinks } from "@/components/booking/qr-links";
import { ServiceChoiceForm } from "@/components/booking/service-choice-form";
import { type WalkInService, WalkInTimes } from "@/components/booking/walk-in-times";
import { messageWithTexts } from "@/components/ui/text-in-language";
import { appointmentMinutes } from "@/lib/domain";
import { getDb } from "@/lib/server/db";
import { documentsOf } from "@/lib/domain/service-texts";
import { bookableLocationCounts } from "@/lib/server/services/any-location";
import { isBookable } from "@/lib/server/services/office-readiness";
import { findOffice } from "@/lib/server/services/page-lookups";
import { walkInWaitTimes } from "@/lib/server/services/queue/wait-times";
import { readWizardState } from "@/lib/server/wizard-state";
import { chooseService } from "./actions";

type Params = Promise<{ locale: string; office: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const office = await findOffice(getDb(), (await params).office);
  return { title: office?.name };
}

export default async function OfficePage({ params }: { params: Params }) {
  const { locale, office: slug } = await params;
  setRequestLocale(locale);
  const office = await findOffice(getDb(), slug);
  if (!office) notFound();
  const t = await getTranslations("booking.office");
  const heading = (
    <h1 className="mb-4 text-3xl font-bold">
      {messageWithTexts((v) => t("title", v), { office: <OfficeText pageLocale={locale}>{office.name}</OfficeText> })}
    </h1>
  );
  const now = new Date();
  const walkIns: WalkInService[] = (await walkInWaitTimes(getDb(), office.id, now)).flatMap((w) => {
    const service = office.services.find((s) => s.id === w.serviceId);
    return service ? [{ ...w, id: service.id, name: service.name, nameLocale: service.textLocales.name }] : [];
  });
  // The deep link may be printed before the office is ready: it then says how to reach the office instead.
  if (!(await isBookable(getDb(), office, now))) {
    return (
      <div>
        {heading}
        <OfficeNotBookable office={office} />
        <WalkInTimes services={walkIns} />
      </div>
    );
  }
  const state = await readWizardState(office.slug);
  // Services other offices offer too can be booked at whichever has the earliest time.
  const locations = await bookableLocationCounts(getDb(), office.services.map((s) => s.catalogueServiceId), now);
  const ta = await getTranslations("anyLocation");
  const anyLocation = (s: (typeof office.services)[number]) => {
    const count = locations.get(s.catalogueServiceId) ?? 0;
    return count >= 2 ? { href: `/leistungen/${s.catalogueSlug}/termin`, label: ta("choice"), hint: ta("choiceHint", { count }) } : undefined;
  };
  return (
    <div>
      <StepIndicator current="service" />
      {heading}
      <OfficeAddress office={office} />
      <WalkInTimes services={walkIns} />
      <ServiceChoiceForm
        action={chooseService.bind(null, office.slug)}
        selected={state?.service}
        maxFurther={Math.max(office.maxServicesPerBooking - 1, 0)}
        selectedFurther={state?.further}
        services={office.services.map((s) => ({
          slug: s.slug,
          name: s.name,
          description: s.description,
          minutes: appointmentMinutes(s, 1),
          documents: documentsOf(s),
          textLocales: s.textLocales,
          anyLocation: anyLocation(s),
        }))}
      />
      <QrLinks path={`/${office.slug}`} />
    </div>
  );
}
