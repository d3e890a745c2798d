"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import type { ConflictResolution } from "@/lib/schemas/capacity";
import { formatInstant } from "./plan";
import { Modal } from "./modal";
import type { PendingConflict } from "./use-capacity-mutation";

/**
 * Shown when a change would leave booked appointments without a clerk. Nothing has been changed yet: the staff
 * member either applies it and decides once for all listed appointments (moved to the next free time, or
 * cancelled; each citizen gets an e-mail with the message), or keeps the capacity as it is.
 */
export function ConflictDialog({ conflict, timeZone, pending }: { conflict: PendingConflict | null; timeZone: string; pending: boolean }) {
  const t = useTranslations("capacity.conflict");
  return (
    <Modal open={conflict !== null} title={t("title")} onClose={() => conflict?.keep()} wide>
      {/* Mounted per conflict, so a new one starts from the defaults. */}
      {conflict && <ConflictChoice conflict={conflict} timeZone={timeZone} pending={pending} />}
    </Modal>
  );
}

function ConflictChoice({ conflict, timeZone, pending }: { conflict: PendingConflict; timeZone: string; pending: boolean }) {
  const t = useTranslations("capacity.conflict");
  const tv = useTranslations("capacity.validation");
  const [resolution, setResolution] = useState<ConflictResolution>("move");
  const [reason, setReason] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const choiceId = useId();
  // Until the staff member writes their own, the message suits the choice.
  const text = reason ?? t(resolution === "move" ? "defaultMoveReason" : "defaultReason");

  return (
    <>
      <p className="mb-4">{t("intro", { count: conflict.bookings.length })}</p>
      <h3 className="mb-2 text-lg font-bold">{t("caption")}</h3>
      {/* A list rather than a table: it reads the same on a phone and in a screen reader. */}
      <ul className="mb-6 divide-y divide-line border-y border-line">
        {conflict.bookings.map((b) => (
          <li key={b.id} className="py-2">
            <p className="font-bold">{formatInstant(b.startsAt, timeZone)}</p>
            {/* Long service names wrap inside the dialog at 360 px instead of running past its edge. */}
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 break-words">
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
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">{t("choice")}</legend>
        {(["move", "cancel"] as const).map((option) => (
          <div key={option} className="mt-2">
            <label className="flex min-h-11 items-center gap-3 font-semibold">
              <input
                type="radio"
                name={choiceId}
                value={option}
                checked={resolution === option}
                onChange={() => setResolution(option)}
                aria-describedby={`${choiceId}-${option}`}
                className="size-6 shrink-0"
              />
              <span>{t(option)}</span>
            </label>
            <p id={`${choiceId}-${option}`} className="ms-9 text-muted">
              {t(`${option}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
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
          className={`${resolution === "move" ? buttonPrimary : buttonDanger} text-start text-base`}
          disabled={pending}
          onClick={() => {
            // The e-mail shows the message on one line.
            const message = text.replace(/\s+/g, " ").trim();
            if (!message) {
              setMissing(true);
              return;
            }
            conflict.confirm({ resolution, reason: message });
          }}
        >
          {t(resolution === "move" ? "applyMove" : "applyCancel")}
        </button>
        <button type="button" className={buttonSecondary} onClick={conflict.keep} disabled={pending}>
          {t("keep")}
        </button>
      </div>
    </>
  );
}
