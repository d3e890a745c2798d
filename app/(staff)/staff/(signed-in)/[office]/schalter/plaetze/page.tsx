import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { errorText } from "@/components/staff/agenda/texts";
import { CounterForm, type CounterFormTexts } from "@/components/staff/counter/counter-form";
import { Alert } from "@/components/ui/alert";
import { buttonDanger, buttonSecondary, link } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listCounters } from "@/lib/server/services/counters/list-counters";
import { createCounterAction, setCounterActiveAction, updateCounterAction } from "../actions";
import { StaffBackLink } from "@/components/admin/back-link";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("counter.admin");
  return { title: t("title") };
}

const OUTCOMES = new Set(["created", "saved", "deactivated", "reactivated"]);

/** The office's counters: add, rename, choose their services, deactivate. For the office's heads. */
export default async function CountersPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const result = await attempt(() => listCounters(getDb(), staff, officeSlug));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, counters, services } = result.data;
  const t = await getTranslations("counter");
  const tv = await getTranslations("validation");
  const te = await getTranslations("errors");
  const done = typeof q.erfolg === "string" && OUTCOMES.has(q.erfolg) ? q.erfolg : null;
  const failed = typeof q.fehler === "string" ? q.fehler : null;

  const choices = services.map((s) => ({ id: s.id, label: s.active ? s.name : t("admin.serviceInactive", { service: s.name }) }));
  // Client components get plain texts: the form's possible refusals, translated here.
  const formErrors = Object.fromEntries(
    ["COUNTER_NOT_FOUND", "OFFICE_NOT_FOUND", "FORBIDDEN", "UNEXPECTED"].map((code) => [code, errorText(t, te, code)]),
  );
  const formTexts = (submit: string): CounterFormTexts => ({
    name: t("admin.name"),
    nameHint: t("admin.nameHint"),
    services: t("admin.services"),
    servicesHint: t("admin.servicesHint"),
    submit,
    errors: { required: tv("required"), tooLong: tv("tooLong"), invalid: tv("invalid"), counterNameTaken: t("validation.counterNameTaken") },
    formErrors,
  });

  return (
    <div className="max-w-4xl space-y-6">
      <StaffBackLink href={`/staff/${office.slug}/schalter`}>{t("admin.back")}</StaffBackLink>
      <div>
        <p className="text-lg text-muted">
          {office.authority} · {office.name}
        </p>
        <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
        <p className="mt-2">{t("admin.intro")}</p>
      </div>
      {done && <Alert kind="success">{t(`admin.done.${done}`)}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      {counters.length === 0 && <p>{t("admin.empty")}</p>}
      <ul className="space-y-4">
        {counters.map((c) => (
          <li key={c.id} className="rounded border border-line bg-white p-4">
            <h2 className="mb-2 text-xl font-bold">
              {c.name}
              {!c.active && <span className="ms-2 text-base font-normal text-muted">({t("admin.inactive")})</span>}
            </h2>
            <p>
              {t("admin.services")}:{" "}
              {c.serviceIds.length === 0
                ? t("chooser.servesAll")
                : services.filter((s) => c.serviceIds.includes(s.id)).map((s) => s.name).join(", ")}
            </p>
            <details>
              <summary className={`inline-flex min-h-11 cursor-pointer items-center ${link}`}>{t("admin.editLabel", { counter: c.name })}</summary>
              <div className="mt-3">
                <CounterForm
                  action={updateCounterAction}
                  officeSlug={office.slug}
                  counter={c}
                  services={choices}
                  texts={formTexts(t("admin.save"))}
                  idPrefix={`counter-${c.id}`}
                />
              </div>
            </details>
            <form action={setCounterActiveAction} className="mt-3">
              <input type="hidden" name="officeSlug" value={office.slug} />
              <input type="hidden" name="counterId" value={c.id} />
              <input type="hidden" name="active" value={c.active ? "false" : "true"} />
              <button type="submit" className={c.active ? buttonDanger : buttonSecondary}>
                {c.active ? t("admin.deactivate") : t("admin.reactivate")}
              </button>
            </form>
          </li>
        ))}
      </ul>

      <section aria-labelledby="add-title" className="rounded border-2 border-brand bg-white p-4">
        <h2 id="add-title" className="mb-2 text-xl font-bold">
          {t("admin.add")}
        </h2>
        <CounterForm
          action={createCounterAction}
          officeSlug={office.slug}
          officeId={office.id}
          services={choices}
          texts={formTexts(t("admin.create"))}
          idPrefix="counter-new"
        />
      </section>
    </div>
  );
}
