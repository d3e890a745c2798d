import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { TicketAnswer, type TicketView } from "./ticket-answer";

/** The manage page's part about checking in: the QR code for the kiosk, "Jetzt einchecken" at the door, the number. */
export async function ManageCheckInPanel({
  checkIn,
  referenceCode,
  timeZone,
  earlyMinutes,
  lateMinutes,
  checkInNow,
  error,
}: {
  checkIn: {
    qrDataUrl: string | null;
    opensAt: Date;
    phoneCheckIn: boolean;
    ticket: TicketView | null;
  };
  referenceCode: string;
  timeZone: string;
  earlyMinutes: number;
  lateMinutes: number;
  /** The "Jetzt einchecken" action (bound to the manage token). */
  checkInNow: () => Promise<void>;
  /** A refusal of the last check-in (a code of `checkin.errors`), from the page's query. */
  error: string | null;
}) {
  const t = await getTranslations("checkin");
  const format = await getFormatter();
  const errorText =
    error && t.has(`errors.${error}`)
      ? t(`errors.${error}`, { time: clockTime(format, checkIn.opensAt, timeZone) })
      : null;
  if (checkIn.ticket) {
    return (
      <section className="mb-6 rounded border-2 border-success bg-white p-4" aria-label={t("manage.checkedIn")}>
        <TicketAnswer ticket={checkIn.ticket} headingLevel={2} />
      </section>
    );
  }
  if (!checkIn.qrDataUrl) return null;
  return (
    <section aria-labelledby="check-in-title" className="mb-6 rounded border-2 border-brand bg-white p-4">
      <h2 id="check-in-title" className="text-xl font-bold">
        {t("manage.title")}
      </h2>
      {errorText && <Alert kind="error">{errorText}</Alert>}
      {checkIn.phoneCheckIn && (
        <div className="my-4 rounded bg-[#e8f0f8] p-4">
          <h3 className="text-lg font-bold">{t("manage.phoneTitle")}</h3>
          <p className="my-2">{t("manage.phoneText")}</p>
          <form action={checkInNow}>
            <button type="submit" className={buttonPrimary}>
              {t("manage.now")}
            </button>
          </form>
        </div>
      )}
      <p className="my-2">{t("manage.qrIntro")}</p>
      {/* A data: URL: the code is drawn on the server and never leaves the page for another address. */}
      <img src={checkIn.qrDataUrl} alt={t("manage.qrAlt")} width={220} height={220} className="my-2 bg-white" data-testid="check-in-qr" />
      <p className="my-2">{t("manage.qrDay", { early: earlyMinutes, late: lateMinutes })}</p>
      <p className="my-2">{t("manage.orCode", { code: referenceCode })}</p>
    </section>
  );
}
