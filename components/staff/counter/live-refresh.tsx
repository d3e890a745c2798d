"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Refreshes the counter screen as soon as the office's queue changes anywhere (a call at another counter, a check-in
 * at the kiosk), through the live event stream the call-up displays use; the page's polling stays as the fallback.
 * Not while the clerk is choosing in a field or the forward dialog is open: the screen would change under them.
 */
export function LiveRefresh({ officeSlug }: { officeSlug: string }) {
  const router = useRouter();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/live/${encodeURIComponent(officeSlug)}/events`);
    let first = true;
    const onState = () => {
      // The stream starts with the current state, which this page already shows.
      if (first) {
        first = false;
        return;
      }
      const focused = document.activeElement;
      if (focused instanceof HTMLSelectElement || (focused instanceof HTMLInputElement && focused.type !== "checkbox")) return;
      if (document.querySelector("dialog[open]")) return;
      router.refresh();
    };
    source.addEventListener("state", onState);
    return () => source.close();
  }, [officeSlug, router]);
  return null;
}
