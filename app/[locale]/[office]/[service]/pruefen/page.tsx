import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { BookingConfirmForm } from "@/components/booking/booking-confirm-form";
import { errorKey } from "@/components/booking/error-key";
import { clockTime, longDate, plainDate } from "@/components/booking/format";
import { OfficeLocation } from "@/components/booking/office-address";
import { StepIndicator } from "@/components/booking/step-indicator";
import { SummaryList } from "@/components/booking/summary-list";
import { Alert } from "@/components/ui/alert";
import { ServiceNames } from "@/components/booking/appointment-summary";
import { buttonSecondary } from "@/components/ui/styles";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { wizardStepTitle } from "@/components/booking/step-title";
import { antibotEnabled } from "@/lib/server/security/antibot";
import { wizardStepWithPerson } from "@/lib/server/wizard-page";
import { addDays, localDateOf } from "@/lib/domain";
import { chooseSlot, confirmBooking } from "../../actions";

type Params = Promise<{ locale: string; office: string; service: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  return wizardStepTitle("review", await findOfficeAndService(getDb(), p.office, p.service));
}
/** `fehler`: why the last attempt failed; `buchen=1`: the citizen asked to book before the check could run. */
type Search = Promise<{ fehler?: string; buchen?: string }>;

const ALTERNATIVES = 6;

export default async function ReviewPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const { office, service, state, person, appointment } = await wizardStepWithPerson(p);
  const error = errorKey(q.fehler);
  const base = `/${office.slug}/${service.slug}`;
  if (!state.slot && !error) return redirect({ href: `${base}/termin`, locale: p.locale });

  const t = await getTranslations("booking");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const tz = office.timeZone;

  // When the chosen slot was taken meanwhile, offer the next free ones right here.
  let alternatives: Date[] = [];
  if (error) {
    const now = new Date();
    const from = localDateOf(now, tz);
    const { slots } = await listFreeSlots(getDb(), {
      officeSlug: office.slug,
      serviceSlug: service.slug,
      persons: person.persons,
      permitExpiresOn: person.permitExpiresOn,
      appointment: appointment.query,
      from,
      to: addDays(from, 27),
      now,
    });
    alternatives = slots.slice(0, ALTERNATIVES).map((s) => s.start);
  }

  const slot = state.slot ? new Date(state.slot) : null;
  const change = (href: string, item: string) => ({ href, label: t("changeItem", { item }) });
  return (
    <div>
      <BackLink href={`${base}/termin`} />
      <StepIndicator current="review" />
      <h1 className="mb-6 text-3xl font-bold">{t("review.title")}</h1>
      {error && (
        <Alert kind="error">
          <p className="font-semibold">{te(error)}</p>
          {error === "SLOT_TAKEN" && alternatives.length > 0 && <p className="mt-2">{t("review.slotGone")}</p>}
        </Alert>
      )}
      {alternatives.length > 0 && (
        <form action={chooseSlot.bind(null, office.slug, service.slug)} className="mb-8">
          <ul className="grid gap-2 sm:grid-cols-2" role="list">
            {alternatives.map((start) => (
              <li key={start.toISOString()}>
                <button type="submit" name="start" value={start.toISOString()} className={`${buttonSecondary} w-full`}>
                  {t("review.whenValue", { date: longDate(format, start, tz), time: clockTime(format, start, tz) })}
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}
      <SummaryList
        rows={[
          {
            label: t("review.service"),
            value: <ServiceNames services={appointment.services} pageLocale={p.locale} />,
            change: change(`/${office.slug}`, t("review.service")),
          },
          {
            label: t("review.when"),
            value: slot
              ? t("review.whenValue", { date: longDate(format, slot, tz), time: clockTime(format, slot, tz) })
              : t("review.none"),
            change: change(`${base}/termin`, t("review.when")),
          },
          {
            label: t("review.where"),
            value:
              appointment.kind === "PHONE" ? (
                t("kind.phonePlace")
              ) : appointment.kind === "VIDEO" ? (
                t("kind.videoLater")
              ) : (
                <OfficeLocation office={office} pageLocale={p.locale} roomLabel={(room) => t("room", { room })} />
              ),
            ...(appointment.kinds.length > 1 ? { change: change(base, t("review.where")) } : {}),
          },
          { label: t("review.persons"), value: String(person.persons), change: change(base, t("review.persons")) },
          {
            label: t("review.name"),
            value: [person.givenName, person.familyName].filter(Boolean).join(" "),
            change: change(base, t("review.name")),
          },
          {
            label: t("review.dateOfBirth"),
            value: plainDate(format, person.dateOfBirth),
            change: change(base, t("review.dateOfBirth")),
          },
          { label: t("review.email"), value: person.email, change: change(base, t("review.email")) },
          { label: t("review.phone"), value: person.phone ?? t("review.none"), change: change(base, t("review.phone")) },
          {
            label: t("review.remark"),
            value: person.remark ?? t("review.none"),
            change: change(base, t("review.remark")),
          },
        ]}
      />
      {slot && (
        <BookingConfirmForm
          action={confirmBooking.bind(null, office.slug, service.slug)}
          antibot={antibotEnabled()}
          bookWhenChecked={q.buchen === "1" && !error}
        />
      )}
    </div>
  );
}
