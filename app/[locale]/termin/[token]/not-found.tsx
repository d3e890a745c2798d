import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/lib/i18n/navigation";

// A manage link that leads to no booking (mistyped, or the data are erased): HTTP 404 with the manage page's own
// words, the same for every token, so it reveals nothing about other bookings.
export default async function BookingNotFound() {
  const t = await getTranslations("booking");
  const te = await getTranslations("errors");
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">{t("manage.title")}</h1>
      <Alert kind="error">{te("BOOKING_NOT_FOUND")}</Alert>
      <Link href="/" className="text-brand underline">
        {t("manage.bookAgain")}
      </Link>
    </div>
  );
}
