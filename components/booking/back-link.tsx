import { getTranslations } from "next-intl/server";
import { Chevron } from "@/components/ui/chevron";
import { Link } from "@/lib/i18n/navigation";

export async function BackLink({ href }: { href: string }) {
  const t = await getTranslations("booking");
  return (
    <Link href={href} className="mb-4 inline-flex min-h-11 items-center text-brand underline no-print">
      <Chevron to="back" />
      {t("back")}
    </Link>
  );
}
