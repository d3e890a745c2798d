import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

// A staff page of an office or task the signed-in person may not use answers 403 with this page: the same for
// every office and record, so it tells nothing about what exists there.
export default async function StaffForbidden() {
  const t = await getTranslations("staff.forbidden");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <Alert kind="error">{t("text")}</Alert>
      <Link href="/staff" className="inline-flex min-h-11 items-center text-brand underline">
        {t("overview")}
      </Link>
    </div>
  );
}
