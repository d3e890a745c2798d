"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { formatTime } from "@/lib/schemas/capacity";
import { BlockDialog, type BlockDialogState } from "./block-dialog";
import type { CapacityCalendarProps } from "./calendar";
import { ClosureDialog, type ClosureDialogState } from "./closure-dialog";
import { ConflictDialog } from "./conflict-dialog";
import type { CalendarEntry, EntryKind } from "./events";
import { type CapacityPlan } from "./plan";
import { BlocksSection, ClosuresSection, HolidaysSection, OverridesSection } from "./plan-lists";
import { type CapacityActions, type Refusal, useCapacityMutation } from "./use-capacity-mutation";

// The capacity page in the browser: the week calendar (loaded on the client only: FullCalendar is ESM-only and
// would format times differently on the server), the same plan as accessible tables, and the dialogs.

function CalendarLoading() {
  const t = useTranslations("capacity.calendar");
  return <p className="rounded border border-line bg-white p-6">{t("loading")}</p>;
}

const CapacityCalendar = dynamic<CapacityCalendarProps>(() => import("./calendar"), { ssr: false, loading: CalendarLoading });

/** Same colours as the calendar (calendar.tsx), repeated here so the legend does not load FullCalendar. */
const LEGEND: Array<[EntryKind, string]> = [
  ["weekly", "bg-[#0b4f8a]"],
  ["override", "bg-[#5b2a86]"],
  ["closure", "bg-[#b3261e]"],
  ["holiday", "bg-[#6e1a14]"],
  ["openHoliday", "bg-[#fdf2e0] border-2 border-dashed border-ink"],
];

export function CapacityView({ plan, actions }: { plan: CapacityPlan; actions: CapacityActions }) {
  const t = useTranslations("capacity");
  const [blockDialog, setBlockDialog] = useState<BlockDialogState | null>(null);
  const [closureDialog, setClosureDialog] = useState<ClosureDialogState | null>(null);

  const messages = useMemo(
    () => ({
      saved: ({ cancelled, moved }: { cancelled: number; moved: number }) => {
        if (moved > 0) {
          const noTime = cancelled > 0 ? ` ${t("status.noTimeFree", { count: cancelled })}` : "";
          return `${t("status.savedWithMoves", { count: moved })}${noTime}`;
        }
        return cancelled > 0 ? t("status.savedWithCancellations", { count: cancelled }) : t("status.saved");
      },
      kept: t("status.kept"),
      refused: (refusal: Refusal) => {
        const key = Object.values(refusal.fieldErrors ?? {})[0]?.[0];
        if (key) return t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid");
        const code = refusal.formError ?? "UNEXPECTED";
        return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.UNEXPECTED");
      },
    }),
    [t],
  );
  const { perform, pending, conflict, status, setStatus } = useCapacityMutation(messages);

  const openEntry = (entry: CalendarEntry) => {
    if (entry.kind === "weekly") {
      const block = plan.blocks.find((b) => b.id === entry.recordId);
      if (block) setBlockDialog({ mode: "edit-block", block });
    } else if (entry.kind === "override") {
      const override = plan.overrides.find((o) => o.id === entry.recordId);
      if (override) setBlockDialog({ mode: "edit-override", override });
    } else if (entry.kind === "closure") {
      const closure = plan.closures.find((c) => c.id === entry.recordId);
      if (closure) setClosureDialog({ mode: "view", closure });
    } else {
      const holiday = plan.holidays.find((h) => h.date === entry.date);
      if (holiday) setClosureDialog({ mode: "holiday", holiday });
    }
  };

  const moveBlock: CapacityCalendarProps["onMoveBlock"] = (blockId, range, revert) => {
    const block = plan.blocks.find((b) => b.id === blockId);
    if (!block) return revert();
    perform(
      actions.updateBlock,
      {
        blockId,
        weekday: range.weekday,
        start: formatTime(range.start),
        end: formatTime(range.end),
        clerks: block.clerks,
        urgentClerks: block.urgentClerks,
        serviceIds: block.serviceIds,
        appointmentKinds: block.appointmentKinds ?? [],
        validFrom: block.validFrom ?? "",
        validUntil: block.validUntil ?? "",
      },
      {
        onKept: revert,
        onRefused: (refusal) => {
          revert();
          setStatus({ kind: "error", text: messages.refused(refusal) });
        },
      },
    );
  };

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-xl">{plan.office.name}</p>
        <p className="max-w-prose">{t("intro")}</p>
      </header>

      <section aria-labelledby="calendar-heading" className="space-y-3">
        <h2 id="calendar-heading" className="text-2xl font-bold">
          {t("calendar.heading")}
        </h2>
        <p className="max-w-prose">{t("calendar.help")}</p>
        <div>
          <h3 className="sr-only">{t("calendar.legend")}</h3>
          <ul className="flex flex-wrap gap-x-5 gap-y-2" aria-label={t("calendar.legend")}>
            {LEGEND.map(([kind, swatch]) => (
              <li key={kind} className="flex items-center gap-2">
                <span aria-hidden="true" className={`inline-block size-5 rounded-sm ${swatch}`} />
                {t(`calendar.kind.${kind}`)}
              </li>
            ))}
          </ul>
        </div>
        <CapacityCalendar
          plan={plan}
          onSelectTime={(range) => setBlockDialog({ mode: "create", weekday: range.weekday, start: range.start, end: range.end, date: range.date })}
          onSelectDay={(date) => setClosureDialog({ mode: "create", date })}
          onOpen={openEntry}
          onMoveBlock={moveBlock}
          onRefused={(text) => setStatus({ kind: "error", text })}
        />
      </section>

      <BlocksSection
        plan={plan}
        onAdd={() => setBlockDialog({ mode: "create", weekday: 1, start: 480, end: 720, date: null })}
        onEdit={(block) => setBlockDialog({ mode: "edit-block", block })}
      />
      <OverridesSection
        plan={plan}
        onAdd={() => setBlockDialog({ mode: "create-override", date: plan.today, start: 480, end: 720 })}
        onEdit={(override) => setBlockDialog({ mode: "edit-override", override })}
      />
      <ClosuresSection
        plan={plan}
        pending={pending}
        onAdd={() => setClosureDialog({ mode: "create", date: plan.today })}
        onRemove={(closure) => perform(actions.deleteClosure, { closureId: closure.id })}
      />
      <HolidaysSection
        plan={plan}
        pending={pending}
        onOpen={(holiday) => perform(actions.openHoliday, { officeId: plan.office.id, date: holiday.date })}
        onClose={(holiday) => perform(actions.closeHoliday, { officeId: plan.office.id, date: holiday.date })}
      />

      <BlockDialog
        state={blockDialog}
        officeId={plan.office.id}
        services={plan.services}
        actions={actions}
        perform={perform}
        pending={pending}
        onClose={() => setBlockDialog(null)}
      />
      <ClosureDialog
        state={closureDialog}
        officeId={plan.office.id}
        today={plan.today}
        canManageHolidays={plan.can.manageHolidays}
        actions={actions}
        perform={perform}
        pending={pending}
        onClose={() => setClosureDialog(null)}
      />
      <ConflictDialog conflict={conflict} timeZone={plan.office.timeZone} pending={pending} />

      <StatusBar status={status} pending={pending} onDismiss={() => setStatus(null)} />
    </div>
  );
}

function StatusBar({
  status,
  pending,
  onDismiss,
}: {
  status: ReturnType<typeof useCapacityMutation>["status"];
  pending: boolean;
  onDismiss: () => void;
}) {
  const t = useTranslations("capacity");
  const polite = pending ? t("status.working") : status && status.kind !== "error" ? status.text : "";
  const urgent = status?.kind === "error" ? status.text : "";
  const visible = polite || urgent;
  const border = urgent ? "border-error" : status?.kind === "success" ? "border-success" : "border-brand";
  // Both live regions always exist, so that a change of their text is announced.
  return (
    <div className={`fixed inset-x-0 bottom-0 z-40 p-2 print:hidden ${visible ? "" : "pointer-events-none"}`}>
      <div className={`mx-auto flex max-w-3xl items-center gap-3 border-s-8 bg-white p-3 shadow-lg ${border} ${visible ? "" : "sr-only"}`}>
        <div className="flex-1">
          <p role="status">{polite}</p>
          <p role="alert" className="font-semibold">
            {urgent}
          </p>
        </div>
        {status && !pending && (
          <button type="button" onClick={onDismiss} className="min-h-11 rounded border-2 border-brand px-3 font-semibold text-brand">
            {t("blockDialog.close")}
          </button>
        )}
      </div>
    </div>
  );
}
