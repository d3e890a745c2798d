import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { agendaHref } from "@/components/staff/agenda/day-toolbar";
import { OnBehalfForm } from "@/components/staff/agenda/on-behalf-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { SlotDayNav } from "@/components/staff/agenda/slot-day-nav";
import { buttonSecondary, input } from "@/components/ui/styles";
import { bookingHorizon, isAppointmentKind } from "@/lib/domain";
import { kindsOffered } from "@/lib/server/services/appointment-choice";
import { queryDate, queryPersons, querySlug } from "@/lib/schemas/staff-booking";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { loadOfficeFor } from "@/lib/server/services/staff/common";
import { listSlotsForNewBooking } from "@/lib/server/services/staff/staff-slots";
import { bookOnBehalfAction } from "../../actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("new.title") };
}

/**
 * Booking on behalf in two steps on one page: a GET form for service, persons and day (every state is a URL),
 * then the free times of that day with the person's details, posted to a server action.
 */
export default async function NewAppointmentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const db = getDb();
  const loaded = await attempt(() => loadOfficeFor(db, staff, officeSlug, "bookings:work"));
  if (!loaded.ok) return <PageProblem code={loaded.code} />;
  const office = loaded.data;
  const services = office.services.filter((s) => s.active);
  const service = services.find((s) => s.slug === querySlug(q.leistung));
  // Further services ("auch", repeated or comma-separated) and the kind ("art") of the appointment.
  const further = [q.auch ?? []].flat().flatMap((v) => v.split(",")).flatMap((v) => querySlug(v) ?? []).filter((s) => s !== service?.slug);
  const kind = isAppointmentKind(q.art) ? q.art : undefined;
  const chosen = services.filter((s) => s === service || further.includes(s.slug));
  const kinds = kindsOffered(office, chosen);
  const persons = Math.min(queryPersons(q.personen) ?? 1, service ? Math.min(...chosen.map((s) => s.maxPersons)) : 1);
  const { today, last: lastBookable } = bookingHorizon(office, office.timeZone, now);
  const day = queryDate(q.tag) ?? today;

  const t = await getTranslations("agenda");
  const format = await getFormatter();
  const self = `/staff/${office.slug}/termine/neu`;
  const slots =
    service && office.active
      ? await attempt(() =>
          listSlotsForNewBooking(db, staff, {
            officeSlug: office.slug,
            serviceSlug: service.slug,
            furtherServices: further,
            kind: kind && kinds.includes(kind) ? kind : undefined,
            persons,
            date: day,
            now,
          }),
        )
      : null;
  if (slots && !slots.ok) return <PageProblem code={slots.code} />;
  const slotDay = slots?.ok ? slots.data : null;
  const shownDay = slotDay?.date ?? (day < today ? today : day);
  const step1 = { leistung: service?.slug ?? "", personen: String(persons), auch: further.join(","), art: kind ?? "" };
  const href = (d: string) => `${self}?${new URLSearchParams({ ...step1, tag: d })}`;

  return (
    <div className="space-y-6">
      <Link href={agendaHref(office.slug, { tag: shownDay })} className="inline-flex min-h-11 items-center text-brand underline">
        <span aria-hidden="true" className="me-1">‹</span>
        {t("detail.back")}
      </Link>
      <div>
        <p className="text-lg text-muted">{office.name}</p>
        <h1 className="text-3xl font-bold">{t("new.title")}</h1>
        <p className="mt-1 max-w-3xl">{t("new.intro")}</p>
      </div>

      <section aria-labelledby="step1" className="rounded border border-line bg-white p-4">
        <h2 id="step1" className="text-xl font-bold">
          {t("new.step1")}
        </h2>
        <form method="get" action={self} className="mt-3 grid gap-4 sm:grid-cols-[2fr_auto_auto_auto] sm:items-end">
          <div>
            <label htmlFor="leistung" className="block font-semibold">
              {t("new.service")}
            </label>
            <select id="leistung" name="leistung" defaultValue={service?.slug ?? ""} required className={input}>
              <option value="" disabled>
                {t("new.chooseService")}
              </option>
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="personen" className="block font-semibold">
              {t("new.persons")}
            </label>
            <input
              id="personen"
              name="personen"
              type="number"
              min={1}
              max={service?.maxPersons ?? Math.max(1, ...services.map((s) => s.maxPersons))}
              defaultValue={persons}
              inputMode="numeric"
              aria-describedby="personen-hint"
              className={`${input} w-24`}
            />
          </div>
          <div>
            <label htmlFor="tag" className="block font-semibold">
              {t("new.day")}
            </label>
            <input
              id="tag"
              name="tag"
              type="date"
              min={today}
              max={lastBookable}
              defaultValue={shownDay}
              required
              className={input}
            />
          </div>
          {office.maxServicesPerBooking > 1 && services.length > 1 && (
            <fieldset className="sm:col-span-4">
              <legend className="font-semibold">{t("new.further", { count: office.maxServicesPerBooking - 1 })}</legend>
              <div className="flex flex-wrap gap-x-6">
                {services.filter((s) => s !== service).map((s) => (
                  <label key={s.slug} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="auch" value={s.slug} defaultChecked={further.includes(s.slug)} className="size-6 shrink-0" />
                    {s.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {kinds.length > 1 && (
            <div>
              <label htmlFor="art" className="block font-semibold">
                {t("new.kind")}
              </label>
              <select id="art" name="art" defaultValue={kind ?? kinds[0]} className={input}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kindOption.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className={buttonSecondary}>
            {t("new.showSlots")}
          </button>
          <p id="personen-hint" className="text-sm text-muted sm:col-span-4">
            {service ? t("new.personsHint", { max: service.maxPersons }) : t("new.personsHintAny")}
          </p>
        </form>
      </section>

      {service && slotDay && (
        <section aria-labelledby="step2" className="space-y-4 rounded border border-line bg-white p-4">
          <div>
            <h2 id="step2" className="text-xl font-bold">
              {t("new.step2")}
            </h2>
            <p className="text-muted">
              {t("new.summary", { service: [service, ...slotDay.shape.furtherServices].map((s) => s.name).join(" + "), persons })}
              {slotDay.shape.kind !== "IN_PERSON" && ` · ${t(`kind.${slotDay.shape.kind}`)}`}
            </p>
          </div>
          <h3 className="text-lg font-bold">
            {t("new.slotsOn", { date: longDate(format, new Date(`${slotDay.date}T12:00:00Z`), "UTC") })}
          </h3>
          <SlotDayNav
            date={slotDay.date}
            today={slotDay.today}
            lastBookable={slotDay.lastBookable}
            timeZone={slotDay.timeZone}
            next={slotDay.next}
            hasSlots={slotDay.slots.length > 0}
            href={href}
            formAction={self}
            hidden={step1}
            texts="new"
            dateForm={false}
          />
          {slotDay.slots.length > 0 && (
            <OnBehalfForm
              key={`${service.slug}-${persons}-${slotDay.date}`}
              action={bookOnBehalfAction.bind(null, office.slug)}
              service={service.slug}
              furtherServices={slotDay.shape.furtherServices.map((s) => s.slug)}
              kind={slotDay.shape.kind}
              persons={persons}
              today={today}
              slots={slotDay.slots.map((s) => {
                const time = clockTime(format, s.start, slotDay.timeZone);
                return {
                  value: s.start.toISOString(),
                  time,
                  label: t("move.slotLabel", { date: longDate(format, s.start, slotDay.timeZone), time }),
                };
              })}
            />
          )}
        </section>
      )}
    </div>
  );
}
