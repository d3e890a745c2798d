import { getTranslations } from "next-intl/server";
import { buttonDanger, buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { CONFIRMATION_FIELD } from "@/lib/schemas/booking";

/**
 * The last step before something final (cancelling, moving, erasing): the button that does it and "Zurück". A
 * plain form, so it works without JavaScript; its confirmation field is what lets the action act.
 */
export async function ConfirmForm({
  action,
  label,
  backHref,
  danger = false,
  fields = {},
}: {
  action: (form: FormData) => Promise<void>;
  label: string;
  backHref: string;
  danger?: boolean;
  /** What the action needs besides the confirmation, e.g. the chosen time. */
  fields?: Record<string, string>;
}) {
  const t = await getTranslations("booking");
  return (
    <form action={action} className="mt-6 flex flex-wrap items-center gap-4">
      <input type="hidden" name={CONFIRMATION_FIELD} value="ja" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={danger ? buttonDanger : buttonPrimary}>
        {label}
      </button>
      <Link href={backHref} className={buttonSecondary}>
        {t("back")}
      </Link>
    </form>
  );
}
