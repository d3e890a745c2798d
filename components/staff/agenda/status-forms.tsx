import type { StatusAction } from "@/lib/schemas/staff-booking";

// One small form per status button: plain POSTs that work without JavaScript. The button's accessible name says
// which appointment it acts on, since a row of "Angekommen" buttons is otherwise ambiguous.

const LOOK: Record<StatusAction, string> = {
  arrive: "bg-brand text-white border-brand hover:bg-brand-dark",
  serve: "bg-success text-white border-success hover:bg-[#005a30]",
  "no-show": "bg-white text-error border-error hover:bg-[#fbe9e7]",
  undo: "bg-white text-ink border-line hover:bg-[#f3f2f1]",
};

export function StatusForms({
  action,
  bookingId,
  actions,
  back,
  labels,
  context,
  size = "normal",
}: {
  action: (form: FormData) => Promise<void>;
  bookingId: string;
  actions: readonly StatusAction[];
  /** The page to return to. */
  back: string;
  labels: Record<StatusAction, string>;
  /** Read by screen readers after the label, e.g. "09:00, Amira Beispiel". */
  context: string;
  size?: "normal" | "compact";
}) {
  if (actions.length === 0) return null;
  const pad = size === "compact" ? "px-3 py-1 text-sm" : "px-4 py-2";
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {actions.map((a) => (
        <form key={a} action={action}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <input type="hidden" name="action" value={a} />
          <input type="hidden" name="back" value={back} />
          <button
            type="submit"
            className={`inline-flex min-h-11 items-center rounded border-2 font-semibold ${pad} ${LOOK[a]}`}
          >
            {labels[a]}
            <span className="sr-only">: {context}</span>
          </button>
        </form>
      ))}
    </div>
  );
}
