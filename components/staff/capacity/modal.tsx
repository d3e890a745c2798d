"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape, makes the page behind inert and
 * returns focus to where it was. `onClose` runs however the dialog was closed.
 */
export function Modal({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start at the title, not at the first control further down: the dialog is read from its beginning.
      headingRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1rem)] overflow-y-auto rounded border-2 border-ink bg-white p-0 text-ink backdrop:bg-black/50 ${wide ? "max-w-3xl" : "max-w-xl"}`}
    >
      {open && (
        <div className="p-4 sm:p-6">
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="mb-4 text-2xl font-bold outline-none">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
