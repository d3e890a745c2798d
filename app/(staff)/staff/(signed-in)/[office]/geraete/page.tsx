import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { errorText } from "@/components/staff/agenda/texts";
import { CreateDeviceForm, RenewCodeForm } from "@/components/staff/devices/device-forms";
import { CardListSection, OfficePageHeading } from "@/components/staff/office-page";
import { Alert } from "@/components/ui/alert";
import { buttonDanger, card } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { type DeviceEntry, listDevices } from "@/lib/server/services/devices/list-devices";
import { createDeviceAction, renewCodeAction, revokeDeviceAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devices");
  return { title: t("title") };
}

/** The office's kiosks and call-up displays: add one (its pairing code is shown once), renew a code, revoke. */
export default async function DevicesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => listDevices(getDb(), staff, { officeSlug, now }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, active, revoked, counters } = result.data;
  const t = await getTranslations("devices");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const stamp = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: office.timeZone });
  const clock = (at: Date) => format.dateTime(at, { timeStyle: "short", timeZone: office.timeZone });
  const pairingUrl = `${env().APP_URL}/geraet`;
  const failed = typeof q.fehler === "string" ? q.fehler : undefined;

  const Device = ({ d }: { d: DeviceEntry }) => (
    <li className={card} data-testid="device" data-kind={d.kind}>
      <h3 className="text-xl font-bold break-words">{d.name}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">{t("list.kind")}</dt>
        <dd>{t(`kinds.${d.kind}`)}</dd>
        {d.kind === "DISPLAY" && (
          <>
            <dt className="text-muted">{t("list.counters")}</dt>
            <dd>{d.counters.length > 0 ? d.counters.join(", ") : t("list.allCounters")}</dd>
          </>
        )}
        <dt className="text-muted">{t("list.paired")}</dt>
        <dd data-testid="device-paired">
          {d.pairedAt ? stamp(d.pairedAt) : t("list.notPaired")}
          {d.pairingUntil && <> · {t("list.pairingOpen", { time: clock(d.pairingUntil) })}</>}
        </dd>
        <dt className="text-muted">{t("list.lastSeen")}</dt>
        <dd>{d.lastSeenAt ? stamp(d.lastSeenAt) : t("list.never")}</dd>
        {d.revokedAt && (
          <>
            <dt className="text-muted">{t("list.revokedAt")}</dt>
            <dd>{stamp(d.revokedAt)}</dd>
          </>
        )}
      </dl>
      {!d.revokedAt && (
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <RenewCodeForm action={renewCodeAction.bind(null, office.slug, d.id)} deviceName={d.name} pairingUrl={pairingUrl} />
          <form action={revokeDeviceAction.bind(null, office.slug)}>
            <input type="hidden" name="deviceId" value={d.id} />
            <button type="submit" className={buttonDanger} aria-label={t("revoke.label", { name: d.name })}>
              {t("revoke.button")}
            </button>
          </form>
        </div>
      )}
    </li>
  );

  return (
    <div className="space-y-6">
      <OfficePageHeading office={office} backLabel={t("back")} title={t("title")}>
        <p className="mt-1 max-w-3xl">{t("intro")}</p>
      </OfficePageHeading>
      {q.gesperrt && <Alert kind="success">{t("revoke.done")}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <CardListSection id="devices-active" title={t("list.active")} empty={t("list.none")} items={active}>
        {(d) => <Device key={d.id} d={d} />}
      </CardListSection>

      <section aria-labelledby="devices-create" className={card}>
        <h2 id="devices-create" className="mb-4 text-2xl font-bold">
          {t("create.title")}
        </h2>
        <CreateDeviceForm action={createDeviceAction.bind(null, office.slug)} counters={counters} pairingUrl={pairingUrl} />
      </section>

      <CardListSection id="devices-revoked" title={t("list.revoked")} items={revoked}>
        {(d) => <Device key={d.id} d={d} />}
      </CardListSection>
    </div>
  );
}
