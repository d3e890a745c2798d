import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function BackLink({ href }: { href: string }) {
  const t = await getTranslations("booking");
  return (
    <Link href={href} className="mb-4 inline-flex min-h-11 items-center text-brand underline no-print">
      <span aria-hidden="true" className="me-1 rtl:rotate-180">
        ‹
      </span>
      {t("back")}
    </Link>
  );
}
