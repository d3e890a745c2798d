"use client";

import { useEffect } from "react";

/**
 * After a status change the page returns with #termin-<id>, the table row, which phones do not show (they show
 * cards). There, bring the changed card into view instead.
 */
export function ScrollToCard({ id }: { id: string }) {
  useEffect(() => {
    const card = document.getElementById(`karte-${id}`);
    if (card && card.offsetParent !== null) card.scrollIntoView({ block: "center" });
  }, [id]);
  return null;
}
