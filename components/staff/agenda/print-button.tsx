"use client";

import { useSyncExternalStore } from "react";
import { buttonSecondary } from "@/components/ui/styles";

const subscribe = () => () => {};

/** Opens the browser's print dialog; shown only where JavaScript runs (otherwise the browser's own menu prints). */
export function PrintButton({ label }: { label: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonSecondary} print:hidden`}>
      {label}
    </button>
  );
}
