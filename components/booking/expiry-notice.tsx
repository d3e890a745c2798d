import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { longDate, plainDate } from "./format";

/**
 * On the slot step, when the next free appointment lies after the stated permit expiry (or there is none): said
 * plainly, and where the office offers it, the button that files the extension request now (a POST).
 */
export function ExpiryNotice({
  permitExpiresOn,
  next,
  timeZone,
  fileRequest,
}: {
  permitExpiresOn: string;
  next: Date | null;
  timeZone: string;
  /** The server action that files the request; absent where the office does not offer it. */
  fileRequest?: () => Promise<void>;
}) {
  const t = useTranslations("urgent.notice");
  const format = useFormatter();
  const expiry = plainDate(format, permitExpiresOn);
  return (
    <Alert kind="info">
      <h2 className="text-xl font-bold">{t("title")}</h2>
      <p className="mt-1">
        {next ? t("after", { expiry, next: longDate(format, next, timeZone) }) : t("none", { expiry })}
      </p>
      {fileRequest && (
        <form action={fileRequest} className="mt-3">
          <p className="mb-3">{t("extensionIntro")}</p>
          <p className="mb-3 text-muted">{t("extensionPending")}</p>
          <button type="submit" className={buttonPrimary}>
            {t("extensionButton")}
          </button>
        </form>
      )}
    </Alert>
  );
}
