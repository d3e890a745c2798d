"use client";

import { useRef } from "react";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import type { FormAction } from "./types";

export interface ForwardTexts {
  open: string;
  title: string;
  intro: string;
  service: string;
  sameService: string;
  counter: string;
  anyCounter: string;
  submit: string;
  cancel: string;
}

/**
 * Weiterleiten: a modal dialog (the browser's own: focus moves in, Escape closes, focus returns) with the service and
 * the counter to send the ticket to. Without JavaScript the button cannot open it; the form inside still works.
 */
export function ForwardDialog({
  action,
  officeSlug,
  counterId,
  ticketId,
  services,
  counters,
  texts,
}: {
  action: FormAction;
  officeSlug: string;
  counterId: string;
  ticketId: string;
  services: { id: string; name: string }[];
  counters: { id: string; name: string }[];
  texts: ForwardTexts;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={buttonSecondary} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {texts.open}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="forward-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded border-2 border-ink bg-white p-5 text-ink backdrop:bg-black/50"
      >
        <form action={action} className="space-y-4">
          <h2 id="forward-title" className="text-2xl font-bold">
            {texts.title}
          </h2>
          <p>{texts.intro}</p>
          <input type="hidden" name="officeSlug" value={officeSlug} />
          <input type="hidden" name="counterId" value={counterId} />
          <input type="hidden" name="ticketId" value={ticketId} />
          <div>
            <label htmlFor="forward-service" className="block font-semibold">
              {texts.service}
            </label>
            <select id="forward-service" name="serviceId" className={input} defaultValue="">
              <option value="">{texts.sameService}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="forward-counter" className="block font-semibold">
              {texts.counter}
            </label>
            <select id="forward-counter" name="targetCounterId" className={input} defaultValue="">
              <option value="">{texts.anyCounter}</option>
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonPrimary}>
              {texts.submit}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => dialog.current?.close()}>
              {texts.cancel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
