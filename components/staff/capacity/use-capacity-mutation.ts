"use client";

import { unstable_rethrow, useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ConflictResolution } from "@/lib/schemas/capacity";
import type { FieldErrors } from "@/lib/schemas/form-errors";

// One way to send a change: the action answers "applied", "conflict" (bookings would lose their clerk: the staff
// member decides) or a refusal. After an applied change the page data is reloaded, so calendar and lists show it.
// The page passes the server actions in; the types below are what these components need of them, and the page's
// typecheck proves that the actions fit.

/** A booked appointment that a change would leave without a clerk; times are ISO instants. */
export interface ConflictBooking {
  id: string;
  referenceCode: string;
  startsAt: string;
  serviceName: string;
  name: string;
  /** Without an address the citizen has to be told another way (e.g. by phone). */
  hasEmail: boolean;
}

export type CapacityActionResult =
  | { ok: true; status: "applied"; cancelled: number; moved: number }
  | { ok: true; status: "conflict"; bookings: ConflictBooking[] }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string };

export type CapacityAction = (input: unknown) => Promise<CapacityActionResult>;
export type Refusal = Extract<CapacityActionResult, { ok: false }>;

/** The capacity page's server actions. */
export interface CapacityActions {
  createBlock: CapacityAction;
  updateBlock: CapacityAction;
  deleteBlock: CapacityAction;
  createOverride: CapacityAction;
  updateOverride: CapacityAction;
  deleteOverride: CapacityAction;
  createClosure: CapacityAction;
  deleteClosure: CapacityAction;
  openHoliday: CapacityAction;
  closeHoliday: CapacityAction;
}

export interface PendingConflict {
  bookings: ConflictBooking[];
  /**
   * Sends the same change again for exactly these bookings: each moved to the next free time (cancelled where none
   * is free) or all cancelled, with the given message.
   */
  confirm: (choice: { resolution: ConflictResolution; reason: string }) => void;
  /** Keeps the capacity as it is. */
  keep: () => void;
}

export type StatusMessage = { kind: "success" | "error" | "info"; text: string } | null;

export interface MutationHandlers {
  onApplied?: (cancelled: number) => void;
  onRefused?: (refusal: Refusal) => void;
  onKept?: () => void;
}

export function useCapacityMutation(messages: {
  saved: (outcome: { cancelled: number; moved: number }) => string;
  kept: string;
  refused: (refusal: Refusal) => string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [status, setStatus] = useState<StatusMessage>(null);

  const perform = useCallback(
    (action: CapacityAction, input: Record<string, unknown>, handlers: MutationHandlers = {}) => {
      setStatus(null);
      startTransition(async () => {
        let result: CapacityActionResult;
        try {
          result = await action(input);
        } catch (e) {
          // A redirect (an ended session goes to the sign-in page) is left to Next's router.
          unstable_rethrow(e);
          result = { ok: false, formError: "UNEXPECTED" };
        }
        if (!result.ok) {
          setConflict(null);
          if (handlers.onRefused) handlers.onRefused(result);
          else setStatus({ kind: "error", text: messages.refused(result) });
          return;
        }
        if (result.status === "conflict") {
          const ids = result.bookings.map((b) => b.id);
          setConflict({
            bookings: result.bookings,
            confirm: ({ resolution, reason }) =>
              perform(action, { ...input, cancelBookingIds: ids, cancelReason: reason, resolution }, handlers),
            keep: () => {
              setConflict(null);
              setStatus({ kind: "info", text: messages.kept });
              handlers.onKept?.();
            },
          });
          return;
        }
        setConflict(null);
        setStatus({ kind: "success", text: messages.saved(result) });
        handlers.onApplied?.(result.cancelled);
        router.refresh();
      });
    },
    [messages, router],
  );

  return { perform, pending, conflict, status, setStatus };
}
