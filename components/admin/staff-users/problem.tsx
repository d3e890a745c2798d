import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";

/** A problem on the administrators' staff pages (a refusal is the shared 403 page instead: see lib/server/page-guards). */
export async function StaffUsersProblem({ code }: { code: string }) {
  const t = await getTranslations("staffUsers");
  const te = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("problemTitle")}</h1>
      <Alert kind="error">{errorText(t, te, code)}</Alert>
      <Link href="/staff" className="inline-flex min-h-11 items-center text-brand underline">
        {t("toOverview")}
      </Link>
    </div>
  );
}
