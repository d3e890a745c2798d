import { getTranslations } from "next-intl/server";

const STEPS = ["service", "personal", "slot", "review", "done"] as const;
export type WizardStep = (typeof STEPS)[number];

export async function StepIndicator({ current }: { current: WizardStep }) {
  const t = await getTranslations("booking.steps");
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t("label")} className="mb-6 no-print">
      <p className="text-muted font-semibold">{t("progress", { current: index + 1, total: STEPS.length })}</p>
      <ol className="mt-2 flex gap-1" role="list">
        {STEPS.map((step, i) => (
          <li
            key={step}
            aria-current={i === index ? "step" : undefined}
            className={`flex-1 border-t-4 pt-1 text-xs sm:text-sm ${
              i <= index ? "border-brand text-ink" : "border-line text-muted"
            } ${i === index ? "font-bold" : ""}`}
          >
            <span className={i === index ? "" : "max-sm:sr-only"}>{t(step)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
