// The numbers behind a chart, as a plain table: the accessible equivalent of the canvas.

export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Long series collapse behind a summary line; short ones stay open. */
  collapsed?: boolean;
  summary: string;
}

export function DataTable({ caption, columns, rows, collapsed, summary }: DataTableProps) {
  const table = (
    // Scrolls sideways on narrow screens when the names are long: focusable, so keyboard users can scroll it too.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse bg-white text-left tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`p-2 ${i > 0 ? "text-right" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])} className="border-b border-line">
              {row.map((cell, i) =>
                i === 0 ? (
                  // Long names (German compounds such as "Beantragung/Verlängerung") may break anywhere, so that
                  // the numbers stay within a phone's width.
                  <th key={i} scope="row" className="p-2 font-normal [overflow-wrap:anywhere]">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!collapsed) return table;
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand underline">{summary}</summary>
      {table}
    </details>
  );
}
