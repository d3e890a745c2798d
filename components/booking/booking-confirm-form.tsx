"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonPrimary } from "@/components/ui/styles";
import { type AntibotHandle, type AntibotState, AntibotField } from "./antibot-field";

// The review step's "Termin verbindlich buchen". The proof of work runs in the background and takes a moment, so a
// citizen may book before it is done: a quick tap, Enter at once, a slow phone. The form then says that the check is
// still running and sends itself as soon as it is done, instead of doing nothing. Before hydration it is a plain
// POST; the action then brings the citizen back here with `bookWhenChecked`, and the booking goes out the same way.

type Phase = "idle" | "waiting" | "failed";

export function BookingConfirmForm({
  action,
  antibot,
  bookWhenChecked = false,
}: {
  action: (form: FormData) => Promise<void>;
  /** Whether a booking needs the proof of work. */
  antibot: boolean;
  /** The citizen asked to book before the page could run the check: book as soon as it is done. */
  bookWhenChecked?: boolean;
}) {
  const form = useRef<HTMLFormElement>(null);
  const antibotCheck = useRef<AntibotHandle>(null);
  const checkState = useRef<AntibotState>("unverified");
  // Refs, not state: the check may finish, and a second tap may come, before React renders again.
  const waiting = useRef(false);
  const sending = useRef(false);
  const [phase, setPhase] = useState<Phase>("idle");

  const wait = () => {
    waiting.current = true;
    setPhase("waiting");
    antibotCheck.current?.start();
  };

  useEffect(() => {
    if (bookWhenChecked && antibot) wait();
  }, [bookWhenChecked, antibot]);

  const onCheckChange = (state: AntibotState) => {
    checkState.current = state;
    if (!waiting.current) return;
    if (state === "verified") {
      waiting.current = false;
      // The widget writes its payload into the form's hidden field only after this event.
      setTimeout(() => form.current?.requestSubmit(), 0);
    } else if (state === "error" || state === "expired") {
      waiting.current = false;
      setPhase("failed");
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (sending.current || waiting.current) {
      event.preventDefault();
      return;
    }
    if (antibot && checkState.current !== "verified") {
      event.preventDefault();
      wait();
      return;
    }
    sending.current = true;
    setPhase("idle");
  };

  return (
    <form ref={form} action={action} onSubmit={onSubmit} noValidate className="mt-8">
      {antibot && <AntibotField ref={antibotCheck} onStateChange={onCheckChange} />}
      <SubmitButton phase={phase} onSettled={() => (sending.current = false)} />
    </form>
  );
}

/** The button and what it is doing, announced to screen readers. */
function SubmitButton({ phase, onSettled }: { phase: Phase; onSettled: () => void }) {
  const t = useTranslations("booking.review");
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    // The booking came back (an error shown on this page) rather than leaving it: it may be sent again.
    if (wasPending.current && !pending) onSettled();
    wasPending.current = pending;
  });
  const busy = pending || phase === "waiting";
  const label = pending ? t("submitting") : phase === "waiting" ? t("checkRunning") : t("submit");
  const status = pending
    ? t("submitting")
    : phase === "waiting"
      ? t("checkRunningStatus")
      : phase === "failed"
        ? t("checkFailed")
        : "";
  return (
    <>
      <button type="submit" className={`${buttonPrimary} aria-disabled:cursor-wait`} aria-disabled={busy || undefined}>
        {busy && (
          <span
            aria-hidden="true"
            className="me-3 inline-block size-5 rounded-full border-4 border-white/40 border-t-white motion-safe:animate-spin"
          />
        )}
        {label}
      </button>
      <p role="status" className="mt-3 min-h-7 font-semibold">
        {status}
      </p>
    </>
  );
}
