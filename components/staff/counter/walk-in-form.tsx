import { getTranslations } from "next-intl/server";
import { buttonSecondary, input } from "@/components/ui/styles";
import type { FormAction } from "./types";

/** Laufkundschaft: draw a walk-in ticket at the counter for one of the services that take walk-ins. */
export async function WalkInForm({
  officeSlug,
  counterId,
  services,
  action,
}: {
  officeSlug: string;
  counterId: string;
  services: { id: string; name: string }[];
  action: FormAction;
}) {
  const t = await getTranslations("counter.walkIn");
  return (
    <section aria-labelledby="walk-in-title" className="space-y-2 rounded border border-line bg-white p-4">
      <h2 id="walk-in-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      {services.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <form action={action} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="officeSlug" value={officeSlug} />
          <input type="hidden" name="counterId" value={counterId} />
          <div className="min-w-48 grow">
            <label htmlFor="walk-in-service" className="block font-semibold">
              {t("service")}
            </label>
            <select id="walk-in-service" name="serviceId" className={input}>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <label className="inline-flex min-h-11 items-center gap-2 text-lg">
            <input type="checkbox" name="urgent" className="h-6 w-6" />
            {t("urgent")}
          </label>
          <button type="submit" className={buttonSecondary}>
            {t("submit")}
          </button>
        </form>
      )}
    </section>
  );
}
