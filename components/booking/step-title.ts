import { getTranslations } from "next-intl/server";

/** Page title of a wizard step: "Termin wählen – Beratungsgespräch – Ausländerbehörde". */
export async function wizardStepTitle(
  step: "slot" | "review",
  found: { office: { name: string }; service: { name: string } } | null,
) {
  const t = await getTranslations("booking.titles");
  return { title: [t(step), found?.service.name, found?.office.name].filter(Boolean).join(" – ") };
}
