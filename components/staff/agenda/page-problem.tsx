import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { errorText } from "./texts";

/** A problem a page cannot go on with (a refusal is the shared 403 page instead: see lib/server/page-guards). */
export async function PageProblem({ code }: { code: string }) {
  const t = await getTranslations("agenda");
  const te = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("problem.title")}</h1>
      <Alert kind="error">{errorText(t, te, code)}</Alert>
      <Link href="/staff" className="text-brand underline">
        {t("nav.overview")}
      </Link>
    </div>
  );
}
