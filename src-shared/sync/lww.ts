/**
 * Field-level last-writer-wins (docs/sync.md, "Conflicts"). Each field of a record carries the
 * HLC stamp of the write that set it; an incoming value wins when its stamp is greater. Stamps
 * are unique per node and totally ordered, so every side that has seen the same changes ends
 * with the same record, whatever the order they arrived in.
 */
export type Clocks = Record<string, string>;

export interface Merge<T> {
  /** Fields whose incoming value won: to be written. */
  won: Partial<T>;
  clocks: Clocks;
}

export function mergeFields<T extends object>(
  clocks: Clocks,
  incoming: Partial<T>,
  stamp: string,
): Merge<T> {
  const won: Partial<T> = {};
  const next: Clocks = { ...clocks };
  for (const key of Object.keys(incoming) as (keyof T & string)[]) {
    const current = clocks[key];
    if (current === undefined || stamp > current) {
      won[key] = incoming[key];
      next[key] = stamp;
    }
  }
  return { won, clocks: next };
}

/** The greatest stamp among a record's field clocks, or null for a record never written. */
export function latestStamp(clocks: Clocks): string | null {
  let max: string | null = null;
  for (const s of Object.values(clocks)) if (max === null || s > max) max = s;
  return max;
}
