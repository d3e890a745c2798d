import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { addDays } from "@/lib/domain";
import { buttonSecondary, input } from "@/components/ui/styles";
import { SEARCH_MAX } from "@/lib/schemas/staff-booking";
import { AgendaSearch } from "./agenda-search";

/** Query string of the agenda, keeping the filters that apply to every day. */
export function agendaHref(
  officeSlug: string,
  q: { tag?: string; leistung?: string | null; suche?: string | null },
): string {
  const params = new URLSearchParams();
  if (q.tag) params.set("tag", q.tag);
  if (q.leistung) params.set("leistung", q.leistung);
  if (q.suche) params.set("suche", q.suche);
  const s = params.toString();
  return `/staff/${officeSlug}${s ? `?${s}` : ""}`;
}

/**
 * Day navigation and filters as plain links and one GET form: every state of the agenda is a URL that can be
 * bookmarked, reloaded and used without JavaScript.
 */
export async function DayToolbar({
  officeSlug,
  date,
  today,
  services,
  serviceSlug,
  search,
}: {
  officeSlug: string;
  date: string;
  today: string;
  services: Array<{ slug: string; name: string; active: boolean }>;
  serviceSlug: string | null;
  search: string | null;
}) {
  const t = await getTranslations("agenda");
  const keep = { leistung: serviceSlug };
  return (
    <div className="space-y-4 print:hidden">
      <nav aria-label={t("nav.daysLabel")} className="flex flex-wrap items-center gap-2">
        <Link href={agendaHref(officeSlug, { ...keep, tag: addDays(date, -1) })} className={buttonSecondary}>
          <span aria-hidden="true" className="me-1">‹</span>
          {t("nav.previousDay")}
        </Link>
        {date !== today && (
          <Link href={agendaHref(officeSlug, { ...keep, tag: today })} className={buttonSecondary}>
            {t("nav.today")}
          </Link>
        )}
        <Link href={agendaHref(officeSlug, { ...keep, tag: addDays(date, 1) })} className={buttonSecondary}>
          {t("nav.nextDay")}
          <span aria-hidden="true" className="ms-1">›</span>
        </Link>
      </nav>

      <form method="get" action={`/staff/${officeSlug}`} role="search" aria-labelledby="filter-title" className="rounded border border-line bg-white p-3">
        <h2 id="filter-title" className="sr-only">
          {t("filter.title")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[auto_1fr_1fr_auto] lg:items-start">
          <div>
            <label htmlFor="tag" className="block font-semibold">
              {t("filter.date")}
            </label>
            <input id="tag" name="tag" type="date" defaultValue={date} required className={input} />
          </div>
          <div>
            <label htmlFor="leistung" className="block font-semibold">
              {t("filter.service")}
            </label>
            <select id="leistung" name="leistung" defaultValue={serviceSlug ?? ""} className={input}>
              <option value="">{t("filter.allServices")}</option>
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.active ? s.name : t("filter.inactiveService", { name: s.name })}
                </option>
              ))}
            </select>
          </div>
          <AgendaSearch defaultValue={search ?? ""} maxLength={SEARCH_MAX} />
          <div className="flex flex-wrap items-center gap-2 lg:pt-7">
            <button type="submit" className={buttonSecondary}>
              {t("filter.submit")}
            </button>
            {(serviceSlug || search) && (
              <Link href={agendaHref(officeSlug, { tag: date })} className="inline-flex min-h-11 items-center text-brand underline">
                {t("filter.reset")}
              </Link>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}
