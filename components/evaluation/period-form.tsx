import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonSecondary, input } from "@/components/ui/styles";
import type { Period } from "@/lib/domain/statistics";
import { ALL_OFFICES, type ComparisonChoice } from "@/lib/schemas/evaluation";

// The dashboard's choices as plain GET forms and links: every state has its own URL (bookmarks, the export links,
// the back button), and nothing needs JavaScript.

interface PeriodFormProps {
  action: string;
  offices: Array<{ slug: string; name: string }>;
  /** Administrators may choose all offices together. */
  allOffices: boolean;
  office?: string;
  services: Array<{ slug: string; name: string }>;
  service?: string;
  period: Period;
  comparison: ComparisonChoice;
  quick: Array<{ label: string; href: string; current: boolean }>;
}

function DateField({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <input id={name} name={name} type="date" required defaultValue={value} className={input} />
    </div>
  );
}

function ComparisonFields({ comparison }: { comparison: ComparisonChoice }) {
  if (comparison.kind === "previous") return <input type="hidden" name="vergleich" value="vorher" />;
  if (comparison.kind === "custom") {
    return (
      <>
        <input type="hidden" name="vergleich" value="zeitraum" />
        <input type="hidden" name="vvon" value={comparison.period.from} />
        <input type="hidden" name="vbis" value={comparison.period.to} />
      </>
    );
  }
  return null;
}

export async function PeriodForm(props: PeriodFormProps) {
  const t = await getTranslations("evaluation");
  return (
    <section aria-labelledby="filter-title" className="space-y-3 rounded border border-line bg-white p-4">
      <h2 id="filter-title" className="text-xl font-bold">
        {t("filter.title")}
      </h2>
      <form method="get" action={props.action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end">
        <div>
          <label htmlFor="stelle" className="block font-semibold">
            {t("filter.office")}
          </label>
          <select id="stelle" name="stelle" defaultValue={props.office ?? ALL_OFFICES} className={input}>
            {props.allOffices && <option value={ALL_OFFICES}>{t("allOffices")}</option>}
            {props.offices.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="leistung" className="block font-semibold">
            {t("filter.service")}
          </label>
          <select
            id="leistung"
            name="leistung"
            defaultValue={props.service ?? ""}
            disabled={props.services.length === 0}
            aria-describedby={props.services.length === 0 ? "leistung-hint" : undefined}
            className={input}
          >
            <option value="">{t("allServices")}</option>
            {props.services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <DateField name="von" label={t("filter.from")} value={props.period.from} />
        <DateField name="bis" label={t("filter.to")} value={props.period.to} />
        <ComparisonFields comparison={props.comparison} />
        <button type="submit" className={buttonSecondary}>
          {t("filter.submit")}
        </button>
      </form>
      {props.services.length === 0 && (
        <p id="leistung-hint" className="text-sm text-muted">
          {t("filter.serviceHint")}
        </p>
      )}
      <nav aria-label={t("filter.quick")}>
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {props.quick.map((q) => (
            <li key={q.label}>
              <Link
                href={q.href}
                aria-current={q.current ? "true" : undefined}
                className="inline-flex min-h-11 items-center text-brand underline aria-[current=true]:font-bold aria-[current=true]:no-underline"
              >
                {q.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}

interface ComparisonFormProps {
  action: string;
  state: { office?: string; service?: string; period: Period };
  initial: Period;
}

/** A free second period for a before/after comparison (e.g. the weeks before a change of opening hours). */
export async function ComparisonForm({ action, state, initial }: ComparisonFormProps) {
  const t = await getTranslations("evaluation");
  return (
    <form method="get" action={action} className="mt-2 grid gap-3 sm:grid-cols-[auto_auto_auto] sm:items-end">
      <input type="hidden" name="stelle" value={state.office ?? ALL_OFFICES} />
      {state.service && <input type="hidden" name="leistung" value={state.service} />}
      <input type="hidden" name="von" value={state.period.from} />
      <input type="hidden" name="bis" value={state.period.to} />
      <input type="hidden" name="vergleich" value="zeitraum" />
      <DateField name="vvon" label={t("filter.from")} value={initial.from} />
      <DateField name="vbis" label={t("filter.to")} value={initial.to} />
      <button type="submit" className={buttonSecondary}>
        {t("compare.customSubmit")}
      </button>
    </form>
  );
}
