// Histograms of whole numbers (days, minutes or bucket indexes) to counts. Stored with each daily row, they combine
// exactly over any period, so a period's median is the true median and not a median of daily medians.

export type Histogram = Record<string, number>;

export function emptyHistogram(): Histogram {
  return {};
}

export function addToHistogram(h: Histogram, value: number, count = 1): void {
  if (count === 0) return;
  const key = String(Math.round(value));
  h[key] = (h[key] ?? 0) + count;
}

export function mergeHistograms(target: Histogram, source: Histogram): Histogram {
  for (const [key, count] of Object.entries(source)) addToHistogram(target, Number(key), count);
  return target;
}

export function histogramCount(h: Histogram): number {
  return Object.values(h).reduce((sum, n) => sum + n, 0);
}

function sortedEntries(h: Histogram): Array<[number, number]> {
  return Object.entries(h)
    .map(([k, n]): [number, number] => [Number(k), n])
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
}

/** The value at a 0-based position of the sorted values the histogram stands for. */
function valueAt(entries: Array<[number, number]>, position: number): number {
  let seen = 0;
  for (const [value, n] of entries) {
    seen += n;
    if (position < seen) return value;
  }
  throw new RangeError("position beyond the histogram");
}

/** The median of the values (mean of the two middle ones for an even count); null when empty. */
export function histogramMedian(h: Histogram): number | null {
  const entries = sortedEntries(h);
  const n = entries.reduce((sum, [, c]) => sum + c, 0);
  if (n === 0) return null;
  if (n % 2 === 1) return valueAt(entries, (n - 1) / 2);
  return (valueAt(entries, n / 2 - 1) + valueAt(entries, n / 2)) / 2;
}

/**
 * The p-quantile (0 < p <= 1) by the nearest-rank method: the smallest value with at least p of all values at or
 * below it, so the 90th percentile is a value that really occurred; null when empty.
 */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const entries = sortedEntries(h);
  const n = entries.reduce((sum, [, c]) => sum + c, 0);
  if (n === 0) return null;
  return valueAt(entries, Math.min(n, Math.max(1, Math.ceil(p * n))) - 1);
}

/** Counts of the values in consecutive ranges: `edges` [a, b, c] give (-inf, a), [a, b), [b, c), [c, inf). */
export function bucketCounts(h: Histogram, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const [value, n] of sortedEntries(h)) {
    let i = 0;
    while (i < edges.length && value >= edges[i]) i++;
    counts[i] += n;
  }
  return counts;
}

/** Reads a stored histogram; anything malformed counts as empty rather than breaking the evaluation. */
export function parseHistogram(text: string | null | undefined): Histogram {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const h: Histogram = {};
    for (const [k, n] of Object.entries(value as Record<string, unknown>)) {
      if (/^-?\d+$/.test(k) && typeof n === "number" && Number.isInteger(n) && n > 0) h[k] = n;
    }
    return h;
  } catch {
    return {};
  }
}

/** Stable text (keys in numeric order), so an unchanged row is recognised as unchanged. */
export function serializeHistogram(h: Histogram): string {
  return JSON.stringify(Object.fromEntries(sortedEntries(h).map(([k, n]) => [String(k), n])));
}
