import { getTranslations } from "next-intl/server";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import type { CounterOption } from "@/lib/schemas/counter";
import type { FormAction } from "./types";

/** Which counter this workstation is: a select of the office's active counters, remembered per workstation. */
export async function CounterChooser({
  officeSlug,
  counters,
  chosenId,
  action,
  compact = false,
}: {
  officeSlug: string;
  counters: CounterOption[];
  chosenId: string | null;
  action: FormAction;
  compact?: boolean;
}) {
  const t = await getTranslations("counter.chooser");
  if (counters.length === 0) return <p>{t("none")}</p>;
  return (
    <form action={action} className={compact ? "flex flex-wrap items-end gap-2" : "space-y-3"}>
      <input type="hidden" name="officeSlug" value={officeSlug} />
      {!compact && <p>{t("intro")}</p>}
      <div className={compact ? "min-w-48" : "max-w-md"}>
        <label htmlFor="counter-choice" className="block font-semibold">
          {t("label")}
        </label>
        <select id="counter-choice" name="counterId" defaultValue={chosenId ?? counters[0].id} className={input}>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.serviceNames.length === 0 ? t("servesAll") : t("serves", { services: c.serviceNames.join(", ") })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={compact ? buttonSecondary : buttonPrimary}>
        {compact ? t("change") : t("submit")}
      </button>
    </form>
  );
}
