"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buttonDanger, buttonSecondary, input } from "@/components/ui/styles";
import { formatInstant } from "./plan";
import { Modal } from "./modal";
import type { PendingConflict } from "./use-capacity-mutation";

/**
 * Shown when a change would leave booked appointments without a clerk. Nothing has been changed yet: the staff
 * member either applies it and cancels exactly the listed appointments (each citizen gets an e-mail with the
 * message), or keeps the capacity as it is.
 */
export function ConflictDialog({ conflict, timeZone, pending }: { conflict: PendingConflict | null; timeZone: string; pending: boolean }) {
  const t = useTranslations("capacity.conflict");
  const tv = useTranslations("capacity.validation");
  const [reason, setReason] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const text = reason ?? t("defaultReason");

  const close = () => {
    setReason(null);
    setMissing(false);
    conflict?.keep();
  };

  return (
    <Modal open={conflict !== null} title={t("title")} onClose={close} wide>
      {conflict && (
        <>
          <p className="mb-4">{t("intro", { count: conflict.bookings.length })}</p>
          <h3 className="mb-2 text-lg font-bold">{t("caption")}</h3>
          {/* A list rather than a table: it reads the same on a phone and in a screen reader. */}
          <ul className="mb-6 divide-y divide-line border-y border-line">
            {conflict.bookings.map((b) => (
              <li key={b.id} className="py-2">
                <p className="font-bold">{formatInstant(b.startsAt, timeZone)}</p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3">
                  <dt className="text-muted">{t("service")}</dt>
                  <dd>{b.serviceName}</dd>
                  <dt className="text-muted">{t("name")}</dt>
                  <dd>{b.name || "–"}</dd>
                  <dt className="text-muted">{t("reference")}</dt>
                  <dd className="font-mono">{b.referenceCode}</dd>
                </dl>
                {!b.hasEmail && <p className="font-semibold text-error">{t("noEmail")}</p>}
              </li>
            ))}
          </ul>
          <div className={`mb-6 ${missing ? "border-s-4 border-error ps-3" : ""}`}>
            <label htmlFor={reasonId} className="block text-lg font-semibold">
              {t("reason")}
            </label>
            <p id={`${reasonId}-hint`} className="text-muted">
              {t("reasonHint")}
            </p>
            {missing && (
              <p id={`${reasonId}-error`} className="font-semibold text-error">
                {tv("required")}
              </p>
            )}
            <textarea
              id={reasonId}
              rows={3}
              maxLength={500}
              value={text}
              aria-describedby={missing ? `${reasonId}-hint ${reasonId}-error` : `${reasonId}-hint`}
              aria-invalid={missing || undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
              className={`${input} mt-1`}
            />
          </div>
          <p className="mb-4 text-muted">{t("keepHint")}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <button
              type="button"
              className={`${buttonDanger} text-left text-base`}
              disabled={pending}
              onClick={() => {
                // The e-mail shows the message on one line.
                const message = text.replace(/\s+/g, " ").trim();
                if (!message) {
                  setMissing(true);
                  return;
                }
                conflict.confirm(message);
                setReason(null);
              }}
            >
              {t("apply")}
            </button>
            <button type="button" className={buttonSecondary} onClick={close} disabled={pending}>
              {t("keep")}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
