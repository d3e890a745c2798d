/**
 * A "back" or "forward" chevron that follows the reading direction: "back" points to the start of the line (left
 * in German, right in Arabic and Persian). An SVG, because the angle quotes ‹ › are mirrored by the browser
 * already and would flip twice.
 */
export function Chevron({ to }: { to: "back" | "forward" }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={`h-4 w-4 shrink-0 rtl:-scale-x-100 ${to === "back" ? "me-1" : "ms-1"}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={to === "back" ? "M10 3 5 8l5 5" : "M6 3l5 5-5 5"} />
    </svg>
  );
}
