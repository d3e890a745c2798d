import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/lib/i18n/navigation";

// A wish link that leads to no wish (mistyped, or the data are erased): HTTP 404, the same for every token, so it
// reveals nothing about other wishes.
export default async function WishNotFound() {
  const t = await getTranslations("waitlist");
  const te = await getTranslations("errors");
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">{t("manage.title")}</h1>
      <Alert kind="error">{te("WISH_NOT_FOUND")}</Alert>
      <Link href="/" className="text-brand underline">
        {t("manage.bookNew")}
      </Link>
    </div>
  );
}
