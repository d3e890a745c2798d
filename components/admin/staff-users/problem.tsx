import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";

/** What a clerk or office admin sees on the administrators' staff pages (or any other refusal). */
export async function StaffUsersProblem({ code }: { code: string }) {
  const t = await getTranslations("staffUsers");
  const te = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t(code === "FORBIDDEN" ? "forbiddenTitle" : "problemTitle")}</h1>
      <Alert kind="error">{errorText(t, te, code)}</Alert>
      <Link href="/staff" className="inline-flex min-h-11 items-center text-brand underline">
        {t("toOverview")}
      </Link>
    </div>
  );
}
