// A booking's status as a word with a symbol; the colour only repeats what the text says.

const STYLES: Record<string, { className: string; symbol: string }> = {
  HELD: { className: "border-line bg-white text-muted", symbol: "…" },
  CONFIRMED: { className: "border-brand bg-white text-brand", symbol: "○" },
  ARRIVED: { className: "border-[#8a5a00] bg-[#fff4d6] text-[#5c3c00]", symbol: "●" },
  SERVED: { className: "border-success bg-[#e3f4ea] text-success", symbol: "✓" },
  NO_SHOW: { className: "border-error bg-[#fbe9e7] text-error", symbol: "✗" },
  CANCELLED: { className: "border-line bg-[#f3f2f1] text-muted line-through", symbol: "–" },
};

export function statusSymbol(status: string): string {
  return STYLES[status]?.symbol ?? "";
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  const style = STYLES[status] ?? STYLES.CONFIRMED;
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border-2 px-2 py-0.5 text-sm font-semibold print:border-0 print:bg-transparent print:p-0 print:text-ink ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {label}
    </span>
  );
}
