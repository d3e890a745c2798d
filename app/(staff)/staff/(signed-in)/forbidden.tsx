import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

// A staff page of an office the signed-in person does not work for answers 403 with this page: the same for every
// office and record, so it tells nothing about what exists there.
export default async function StaffForbidden() {
  const t = await getTranslations("agenda");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("problem.forbiddenTitle")}</h1>
      <Alert kind="error">{t("errors.FORBIDDEN")}</Alert>
      <Link href="/staff" className="inline-flex min-h-11 items-center text-brand underline">
        {t("nav.overview")}
      </Link>
    </div>
  );
}
