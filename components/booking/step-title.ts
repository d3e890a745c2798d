import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/server/db";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";

/** Page title of a wizard step: "Termin wählen – Beratungsgespräch – Ausländerbehörde". */
export async function wizardStepTitle(officeSlug: string, serviceSlug: string, step: "slot" | "review") {
  const t = await getTranslations("booking.titles");
  const found = await findOfficeAndService(getDb(), officeSlug, serviceSlug);
  return { title: [t(step), found?.service.name, found?.office.name].filter(Boolean).join(" – ") };
}
