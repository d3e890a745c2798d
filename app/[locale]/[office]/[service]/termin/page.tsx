import { getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { SlotPicker } from "@/components/booking/slot-picker";
import { StepIndicator } from "@/components/booking/step-indicator";
import { Alert } from "@/components/ui/alert";
import { ServiceNames } from "@/components/booking/appointment-summary";
import { getDb } from "@/lib/server/db";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { wizardStepTitle } from "@/components/booking/step-title";
import { loadSlotCalendar } from "@/lib/server/services/slot-calendar";
import { wizardStepWithPerson } from "@/lib/server/wizard-page";
import { chooseSlot } from "../../actions";
import { ExpiryNotice } from "@/components/booking/expiry-notice";
import { extensionRequestOffered, permitExpiresFirst } from "@/lib/server/services/extension/file-extension-request";
import { fileExtension } from "./extension-action";
import { errorKey } from "@/components/booking/error-key";
import { WaitlistEntry } from "@/components/waitlist/waitlist-entry";
import { RoundNotice } from "@/components/booking/round-notice";
import { roundInfoForService } from "@/lib/server/services/rounds/round-info";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  return wizardStepTitle("slot", await findOfficeAndService(getDb(), p.office, p.service));
}
type Search = Promise<{ woche?: string; tag?: string; fehler?: string }>;

export default async function SlotPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const { office, service, person, appointment } = await wizardStepWithPerson(p);
  const persons = Math.min(person.persons, appointment.maxPersons);
  const now = new Date();
  const rounds = await roundInfoForService(getDb(), office, service, now);
  const calendar = await loadSlotCalendar(getDb(), {
    officeSlug: office.slug,
    serviceSlug: service.slug,
    persons,
    permitExpiresOn: person.permitExpiresOn,
    appointment: appointment.query,
    now,
    week: q.woche,
    day: q.tag,
  });
  const t = await getTranslations("booking");
  const te = await getTranslations("errors");
  const error = errorKey(q.fehler);
  // The stated permit runs out before the next free time: said plainly, with the extension request where offered.
  const expiry = service.asksPermitExpiry ? person.permitExpiresOn : undefined;
  const expiresFirst = permitExpiresFirst(expiry, calendar.next, office.timeZone);
  const offersExtension = extensionRequestOffered(office, service, expiry, calendar.next);
  const waitlistHref = `/${office.slug}/${service.slug}/warteliste`;
  // A wish on the waiting list is for one service in person.
  const waitlist = office.waitlistEnabled && appointment.services.length === 1 && appointment.kind === "IN_PERSON";
  return (
    <div>
      <BackLink href={`/${office.slug}/${service.slug}`} />
      <StepIndicator current="slot" />
      <h1 className="mb-2 text-3xl font-bold">{t("slot.title")}</h1>
      <div className="mb-6">
        <ServiceNames services={appointment.services} pageLocale={p.locale} />
        {appointment.kind && appointment.kind !== "IN_PERSON" && <p>{t(`kind.${appointment.kind}`)}</p>}
        <p>{t("slot.duration", { minutes: t("minutes", { count: appointment.minutes(persons) }) })}</p>
      </div>
      {error && <Alert kind="error">{te(error)}</Alert>}
      {expiresFirst && (
        <ExpiryNotice
          permitExpiresOn={expiry}
          next={calendar.next?.start ?? null}
          timeZone={office.timeZone}
          fileRequest={offersExtension ? fileExtension.bind(null, office.slug, service.slug) : undefined}
        />
      )}
      {rounds && <RoundNotice info={rounds} timeZone={office.timeZone} requestHref={`/${office.slug}/${service.slug}/runde`} />}
      {waitlist && !calendar.next && <WaitlistEntry href={waitlistHref} prominent />}
      <SlotPicker
        basePath={`/${office.slug}/${service.slug}/termin`}
        action={chooseSlot.bind(null, office.slug, service.slug)}
        waitlistOffered={waitlist}
        {...calendar}
      />
      {waitlist && calendar.next && <WaitlistEntry href={waitlistHref} prominent={false} />}
    </div>
  );
}
