import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate, plainDate } from "@/components/booking/format";
import { agendaHref } from "@/components/staff/agenda/day-toolbar";
import { CancelForm } from "@/components/staff/agenda/cancel-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { StatusBadge } from "@/components/staff/agenda/status-badge";
import { StatusForms } from "@/components/staff/agenda/status-forms";
import { errorText, STATUS_ACTION_KEYS } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import { localDateOf } from "@/lib/domain";
import { correctableUntil, correctionDays } from "@/lib/domain/booking-status";
import { CANCEL_REASON_MAX, STATUS_ACTIONS, type StatusAction } from "@/lib/schemas/staff-booking";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { displayName } from "@/lib/server/services/staff/common";
import { getBookingForStaff } from "@/lib/server/services/staff/get-booking";
import { ServicesForm } from "@/components/staff/agenda/services-form";
import { videoMeetingUrl } from "@/lib/domain";
import { officeServiceNames } from "@/lib/server/services/service-texts";
import { cancelAppointment, changeAppointmentServices, changeStatus } from "../../actions";

type Params = Promise<{ office: string; id: string }>;

// A date at noon UTC formats as that calendar date in every time zone.
const noon = (date: string) => new Date(`${date}T12:00:00Z`);
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("detail.pageTitle") };
}

// Results of the actions that lead here (?erfolg=...), mapped to their message keys.
const DONE: Record<string, string> = {
  cancel: "cancel",
  "cancel-mailed": "cancelMailed",
  move: "move",
  "move-mailed": "moveMailed",
  services: "services",
  "services-mailed": "servicesMailed",
  create: "create",
  "create-mailed": "createMailed",
  ...Object.fromEntries(STATUS_ACTIONS.map((a) => [a, STATUS_ACTION_KEYS[a]])),
};

export default async function AppointmentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug, id } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => getBookingForStaff(getDb(), staff, id, now));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { booking, actions, changeable, canReadAudit } = result.data;
  // The URL's office must be the booking's own: no appointment shows under another office's address.
  if (booking.office.slug !== officeSlug) notFound();

  const t = await getTranslations("agenda");
  const te = await getTranslations("errors");
  const otherServices = (await officeServiceNames(getDb(), booking.officeId)).filter((s) => s.active && s.id !== booking.serviceId);
  const format = await getFormatter();
  const tz = booking.office.timeZone;
  const date = localDateOf(booking.startsAt, tz);
  const today = localDateOf(now, tz);
  const start = clockTime(format, booking.startsAt, tz);
  const end = clockTime(format, booking.endsAt, tz);
  const name = displayName(booking) ?? t("table.erased");
  const self = `/staff/${officeSlug}/termine/${booking.id}`;
  const at = (d: Date | null) =>
    d ? t("detail.dateTime", { date: longDate(format, d, tz), time: clockTime(format, d, tz) }) : null;

  const doneKey = typeof q.erfolg === "string" ? DONE[q.erfolg] : undefined;
  const done = doneKey
    ? (STATUS_ACTIONS as readonly string[]).includes(q.erfolg as string)
      ? t(`done.${doneKey}`, { who: t("actions.for", { time: start, name }) })
      : t(`done.${doneKey}`)
    : null;
  const failed = typeof q.fehler === "string" ? q.fehler : null;

  const labels = Object.fromEntries(
    (Object.keys(STATUS_ACTION_KEYS) as StatusAction[]).map((a) => [a, t(`actions.${STATUS_ACTION_KEYS[a]}`)]),
  ) as Record<StatusAction, string>;

  // The clerk calls at a phone appointment and meets at the office's own video address for a video one.
  const meeting = booking.kind === "VIDEO" && booking.office.videoMeetingUrlTemplate
    ? videoMeetingUrl(booking.office.videoMeetingUrlTemplate, booking.referenceCode)
    : null;
  const kindText =
    booking.kind === "PHONE" ? (
      booking.phone ? t("detail.callNumber", { phone: booking.phone }) : t("detail.noPhone")
    ) : meeting ? (
      <a key="video" href={meeting} className="break-all text-brand underline" rel="noopener noreferrer" target="_blank">
        {t("detail.videoLink", { link: meeting })}
      </a>
    ) : (
      t("kind.VIDEO")
    );
  const rows: Array<[string, React.ReactNode]> = [
    [t("detail.when"), t("detail.whenValue", { date: longDate(format, booking.startsAt, tz), start, end })],
    [
      t(booking.extraServices.length > 0 ? "detail.services" : "detail.service"),
      [booking.service, ...booking.extraServices.map((e) => e.service)].map((s) => s.name).join(" + "),
    ],
    ...(booking.kind === "IN_PERSON" ? [] : [[t("detail.kind"), kindText] as [string, React.ReactNode]]),
    [t("detail.persons"), booking.persons],
    [t("detail.name"), name],
    [t("detail.reference"), <span key="ref" className="font-mono">{booking.referenceCode}</span>],
    [t("detail.status"), <StatusBadge key="status" status={booking.status} label={t(`status.${booking.status}`)} />],
    [t("detail.channel"), t(`channel.${booking.channel}`)],
    [t("detail.email"), booking.email ?? t("detail.none")],
    [t("detail.phone"), booking.phone ?? t("detail.none")],
    [t("detail.dateOfBirth"), booking.dateOfBirth ? plainDate(format, booking.dateOfBirth) : t("detail.none")],
    [t("detail.remark"), booking.remark ? <span key="remark" className="whitespace-pre-line">{booking.remark}</span> : t("detail.none")],
    [t("detail.createdAt"), at(booking.createdAt)],
  ];
  if (booking.arrivedAt) rows.push([t("detail.arrivedAt"), at(booking.arrivedAt)]);
  if (booking.servedAt) rows.push([t("detail.servedAt"), at(booking.servedAt)]);
  if (booking.cancelledAt) rows.push([t("detail.cancelledAt"), at(booking.cancelledAt)]);
  if (booking.status === "CANCELLED" && booking.cancelReason) rows.push([t("detail.cancelReason"), booking.cancelReason]);

  return (
    <div className="space-y-6">
      <Link href={`${agendaHref(officeSlug, { tag: date })}#termin-${booking.id}`} className="inline-flex min-h-11 items-center text-brand underline print:hidden">
        <span aria-hidden="true" className="me-1">‹</span>
        {t("detail.back")}
      </Link>
      <div>
        <p className="text-lg text-muted">{booking.office.name}</p>
        <h1 className="text-3xl font-bold">{t("detail.title", { reference: booking.referenceCode })}</h1>
        <p className="mt-1 text-xl">
          {t("detail.whenValue", { date: longDate(format, booking.startsAt, tz), start, end })} · {name}
        </p>
      </div>

      {done && <Alert kind="success">{done}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <section aria-labelledby="status-title" className="rounded border border-line bg-white p-4 print:hidden">
        <h2 id="status-title" className="text-xl font-bold">
          {t("detail.statusTitle")}
        </h2>
        <div className="mt-3 space-y-3">
          {actions.length > 0 && date < today && (
            <p>{t("detail.correctionOpen", { until: longDate(format, noon(correctableUntil(date, booking.office)), "UTC") })}</p>
          )}
          {actions.length > 0 ? (
            <StatusForms
              action={changeStatus}
              bookingId={booking.id}
              actions={actions}
              back={self}
              labels={labels}
              context={t("actions.for", { time: start, name })}
            />
          ) : (
            <p>
              {booking.status === "CONFIRMED" && today < date
                ? t("detail.statusOnTheDay", { days: correctionDays(booking.office) })
                : correctableUntil(date, booking.office) < today
                  ? t("detail.correctionSettled", { days: correctionDays(booking.office) })
                  : t("detail.noStatusActions")}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title" className="text-xl font-bold">
          {t("detail.dataTitle")}
        </h2>
        <dl className="mt-2 grid grid-cols-1 border-t border-line bg-white sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="border-b border-line px-3 pt-2 font-semibold sm:py-2">{label}</dt>
              <dd className="border-b border-line px-3 pb-2 sm:py-2">{value}</dd>
            </div>
          ))}
        </dl>
        {canReadAudit && (
          <p className="mt-3 print:hidden">
            <Link href={`/staff/${officeSlug}/protokoll?termin=${booking.referenceCode}`} className="text-brand underline">
              {t("detail.auditLink")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="change-title" className="space-y-4 rounded border border-line bg-white p-4 print:hidden">
        <h2 id="change-title" className="text-xl font-bold">
          {t("detail.changeTitle")}
        </h2>
        {changeable ? (
          <>
            {!booking.email && <Alert kind="info">{t("detail.noEmail")}</Alert>}
            <p>
              <Link href={`${self}/verschieben?tag=${date}`} className={buttonSecondary}>
                {t("detail.moveLink")}
              </Link>
            </p>
            {(booking.office.maxServicesPerBooking > 1 || booking.extraServices.length > 0) && (
              <>
                <h3 className="text-lg font-bold">{t("services.title")}</h3>
                <ServicesForm
                  action={changeAppointmentServices}
                  bookingId={booking.id}
                  first={booking.service.name}
                  services={otherServices}
                  chosen={booking.extraServices.map((e) => e.serviceId)}
                  maxFurther={Math.max(booking.office.maxServicesPerBooking - 1, 0)}
                />
              </>
            )}
            <h3 className="text-lg font-bold">{t("cancel.title")}</h3>
            <CancelForm action={cancelAppointment} bookingId={booking.id} hasEmail={Boolean(booking.email)} maxLength={CANCEL_REASON_MAX} />
          </>
        ) : (
          <p>{t("detail.notChangeable")}</p>
        )}
      </section>
    </div>
  );
}
