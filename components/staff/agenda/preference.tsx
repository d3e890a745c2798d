"use client";

import { useCallback, useSyncExternalStore } from "react";

// On/off choices of this browser for the agenda (the list's own refresh, the "/" key), kept in localStorage: they
// belong to the workstation, not to the account, and need no server round trip.

const listeners = new Set<() => void>();
/** Choices made where storage is refused (private mode) hold until the page is left. */
const memory = new Map<string, boolean>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): boolean {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored !== null) return stored !== "off";
  } catch {
    // fall through to this page's memory
  }
  return memory.get(key) ?? true;
}

/** A switch that is on unless turned off here; null while rendering on the server and before hydration. */
export function usePreference(key: string): [boolean | null, (on: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key), () => null);
  const set = useCallback(
    (on: boolean) => {
      memory.set(key, on);
      try {
        window.localStorage.setItem(key, on ? "on" : "off");
      } catch {
        // kept in memory only
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}

/** The checkbox for a preference; shown only where JavaScript runs, since only then does the preference act. */
export function PreferenceSwitch({ id, label, value, onChange }: { id: string; label: string; value: boolean | null; onChange: (on: boolean) => void }) {
  if (value === null) return null;
  return (
    <label htmlFor={id} className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm print:hidden">
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} className="h-5 w-5 accent-brand" />
      {label}
    </label>
  );
}
