import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonPrimary, buttonSecondary, link } from "@/components/ui/styles";

interface ServiceRow {
  id: string;
  slug: string;
  name: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  active: boolean;
}

const small =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded border-2 border-brand bg-white px-3 font-semibold text-brand hover:bg-[#e8f0f8] disabled:cursor-not-allowed disabled:border-line disabled:text-muted disabled:hover:bg-white";

/** A server action of a plain form: the button's form posts the service and office ids. */
type ServiceFormAction = (form: FormData) => Promise<void>;

/**
 * An office's services in the order citizens see them. Reordering uses buttons (one place up or down), so it
 * works with a keyboard and a screen reader; after a move the moved service's button has the focus again.
 */
export async function ServiceList({
  office,
  officeUrl,
  services,
  canManage,
  query,
  moveService,
  setServiceActive,
}: {
  office: { id: string; slug: string; active: boolean };
  /** The office's public address; a service's deep link continues it. */
  officeUrl: string;
  services: ServiceRow[];
  canManage: boolean;
  query: Record<string, string | string[] | undefined>;
  moveService: ServiceFormAction;
  setServiceActive: ServiceFormAction;
}) {
  const t = await getTranslations("admin.services");
  const moved = typeof query.erfolg === "string" ? /^service-moved-(up|down)$/.exec(query.erfolg)?.[1] : undefined;
  const movedId = moved && typeof query.leistung === "string" ? query.leistung : undefined;
  return (
    <section id="leistungen" aria-labelledby="services-title" className="space-y-3">
      <h2 id="services-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p>{services.length === 0 ? t("none") : t("intro")}</p>
      {canManage ? (
        <p className="flex flex-wrap gap-2">
          <Link href={`/staff/verwaltung/behoerden/${office.id}/leistungen/anbieten`} className={buttonPrimary}>
            {t("offer")}
          </Link>
          <Link href={`/staff/verwaltung/behoerden/${office.id}/leistungen/neu`} className={buttonSecondary}>
            {t("create")}
          </Link>
        </p>
      ) : (
        <p className="text-muted">{t("onlyAdmins")}</p>
      )}
      <ol className="space-y-3">
        {services.map((s, i) => {
          const first = i === 0;
          const last = i === services.length - 1;
          // Focus back on the button just used, or on its counterpart when the service reached an end of the list.
          const focusUp = movedId === s.id && (moved === "up" ? !first : last);
          const focusDown = movedId === s.id && !focusUp && !last;
          return (
            <li key={s.id} id={`leistung-${s.id}`} className="rounded border border-line bg-white p-4">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <h3 className="text-xl font-bold">{s.name}</h3>
                <span className="text-muted">{t("position", { position: i + 1, count: services.length })}</span>
              </div>
              <p>
                <span
                  className={`inline-block rounded px-2 py-0.5 text-sm font-semibold text-white ${s.active ? "bg-success" : "bg-error"}`}
                >
                  {s.active ? t("active") : t("inactive")}
                </span>{" "}
                {t("duration", { minutes: s.durationMinutes })}
                {s.maxPersons > 1 && <> {t("extraPerson", { minutes: s.extraPersonMinutes, persons: s.maxPersons })}</>}
              </p>
              {office.active && s.active && (
                <p className="break-all">
                  <a href={`${officeUrl}/${s.slug}`} className={`inline-flex min-h-11 items-center ${link}`}>
                    {t("deepLink")}: /{office.slug}/{s.slug}
                  </a>
                </p>
              )}
              {canManage && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Link
                    href={`/staff/verwaltung/behoerden/${office.id}/leistungen/${s.id}`}
                    className={buttonSecondary}
                    aria-label={t("editLabel", { name: s.name })}
                  >
                    {t("edit")}
                  </Link>
                  <MoveButton
                    action={moveService}
                    service={s}
                    officeId={office.id}
                    direction="up"
                    disabled={first}
                    autoFocus={focusUp}
                    label={t("up")}
                    ariaLabel={t("upLabel", { name: s.name })}
                  />
                  <MoveButton
                    action={moveService}
                    service={s}
                    officeId={office.id}
                    direction="down"
                    disabled={last}
                    autoFocus={focusDown}
                    label={t("down")}
                    ariaLabel={t("downLabel", { name: s.name })}
                  />
                  <form action={setServiceActive}>
                    <input type="hidden" name="serviceId" value={s.id} />
                    <input type="hidden" name="officeId" value={office.id} />
                    <input type="hidden" name="active" value={s.active ? "false" : "true"} />
                    <button
                      type="submit"
                      aria-label={t(s.active ? "deactivateLabel" : "activateLabel", { name: s.name })}
                      className={small}
                    >
                      {s.active ? t("deactivate") : t("activate")}
                    </button>
                  </form>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function MoveButton({
  action,
  service,
  officeId,
  direction,
  disabled,
  autoFocus,
  label,
  ariaLabel,
}: {
  action: ServiceFormAction;
  service: { id: string };
  officeId: string;
  direction: "up" | "down";
  disabled: boolean;
  autoFocus: boolean;
  label: string;
  ariaLabel: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="serviceId" value={service.id} />
      <input type="hidden" name="officeId" value={officeId} />
      <button
        type="submit"
        name="direction"
        value={direction}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-label={ariaLabel}
        className={small}
      >
        <span aria-hidden="true">{direction === "up" ? "↑\u00a0" : "↓\u00a0"}</span>
        {label}
      </button>
    </form>
  );
}
