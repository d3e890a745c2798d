"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PreferenceSwitch, usePreference } from "./preference";

/**
 * Reloads the server-rendered list every `seconds` while the tab is visible, so that arrivals recorded
 * at another desk show up without a click. Not while a field has focus: the list would change under a half-typed
 * search. A checkbox turns it off on this workstation (WCAG 2.2.2).
 */
export function AutoRefresh({ seconds, label, preference = "agenda-auto-refresh" }: { seconds: number; label: string; preference?: string }) {
  const router = useRouter();
  const [on, setOn] = usePreference(preference);
  useEffect(() => {
    if (!on) return;
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      const focused = document.activeElement;
      if (focused instanceof HTMLInputElement && focused.type !== "checkbox") return;
      if (focused instanceof HTMLSelectElement || focused instanceof HTMLTextAreaElement) return;
      router.refresh();
    };
    const timer = window.setInterval(refresh, seconds * 1000);
    // Back on a tab that was hidden for a while: bring it up to date at once.
    const onVisible = () => document.visibilityState === "visible" && refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [on, router, seconds]);
  return <PreferenceSwitch id="auto-refresh" label={label} value={on} onChange={setOn} />;
}
