/**
 * Shares in percent with one decimal that add up to exactly 100.0 (docs/metrics.md): each share
 * is rounded down to 0.1, then the tenths still missing go to the largest remainders
 * (Hamilton's method; ties to the earlier item). A zero total gives zeros.
 */
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  // Integer arithmetic: equal remainders must compare equal for the tie rule.
  const floors = counts.map((c) => Math.floor((c * 1000) / total));
  const rests = counts.map((c) => (c * 1000) % total);
  let missing = 1000 - floors.reduce((s, f) => s + f, 0);
  const order = counts.map((_, i) => i).sort((a, b) => rests[b]! - rests[a]! || a - b);
  for (const i of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors.map((f) => f / 10);
}

/** One share on its own (a part of a whole), rounded half up to one decimal. */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/** The p-th percentile by the nearest-rank method (p in 0..100) of sorted values, or null. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
