import { STATUS_ACTIONS, type StatusAction } from "@/lib/schemas/staff-booking";

// One small form per status button: plain POSTs that work without JavaScript. The button's accessible name says
// which appointment it acts on, since a row of "Angekommen" buttons is otherwise ambiguous.
//
// Every button has a fixed place: the four actions are always laid out, those not possible now as invisible
// stand-ins of the same size. A click never lands on a different button that moved into its place ("Nicht
// erschienen" where "Angekommen" was a moment ago), neither after a change nor when the list refreshes.

const LOOK: Record<StatusAction, string> = {
  arrive: "bg-brand text-white border-brand hover:bg-brand-dark",
  serve: "bg-success text-white border-success hover:bg-[#005a30]",
  "no-show": "bg-white text-error border-error hover:bg-[#fbe9e7]",
  undo: "bg-white text-ink border-line hover:bg-[#f3f2f1]",
};

// Columns sized by their content: every row has the same four labels, so a place has the same width in every row.
const GRID = {
  compact: "grid-cols-[repeat(2,max-content)] xl:grid-cols-[repeat(4,max-content)]",
  normal: "grid-cols-2 sm:grid-cols-[repeat(4,max-content)]",
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
  const pad = size === "compact" ? "px-2 py-1 text-sm" : "px-4 py-2";
  const look = `inline-flex min-h-11 w-full items-center justify-center rounded border-2 text-center font-semibold ${pad}`;
  return (
    <div className={`grid gap-2 print:hidden ${GRID[size]}`}>
      {STATUS_ACTIONS.map((a) =>
        actions.includes(a) ? (
          <form key={a} action={action}>
            <input type="hidden" name="bookingId" value={bookingId} />
            <input type="hidden" name="action" value={a} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" className={`${look} ${LOOK[a]}`}>
              {labels[a]}
              <span className="sr-only">: {context}</span>
            </button>
          </form>
        ) : (
          <span key={a} aria-hidden="true" className={`invisible ${look} border-transparent`}>
            {labels[a]}
          </span>
        ),
      )}
    </div>
  );
}
