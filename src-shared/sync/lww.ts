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

/**
 * Field-level LWW for a record with keyed sub-fields (a card's `questions`, by classifier code):
 * each key of such a field is merged on its own under the clock `field.key`, so two desks
 * setting apart different questions of one card both keep theirs. In a patch the field carries
 * only the keys that changed, `null` for a key removed; `won` carries the field whole (the
 * current keys with the winning ones applied, removed ones left out, keys sorted).
 */
export function mergeKeyed<T extends object>(
  clocks: Clocks,
  current: Partial<T> | null,
  incoming: Partial<T>,
  stamp: string,
  keyedFields: readonly (keyof T & string)[],
): Merge<T> {
  const flat: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(incoming)) {
    if (keyedFields.includes(f as keyof T & string) && v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) flat[`${f}.${k}`] = x;
    } else flat[f] = v;
  }
  const merged = mergeFields<Record<string, unknown>>(clocks, flat, stamp);
  const won: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(merged.won)) {
    const dot = key.indexOf('.');
    const field = dot > 0 ? key.slice(0, dot) : key;
    if (dot > 0 && keyedFields.includes(field as keyof T & string)) {
      const whole = (won[field] ??= {
        ...((current?.[field as keyof T] as Record<string, unknown> | undefined) ?? {}),
      }) as Record<string, unknown>;
      const sub = key.slice(dot + 1);
      if (v === null) delete whole[sub];
      else whole[sub] = v;
    } else won[key] = v;
  }
  for (const f of keyedFields) {
    const whole = won[f] as Record<string, unknown> | undefined;
    if (whole)
      won[f] = Object.fromEntries(
        Object.keys(whole)
          .sort()
          .map((k) => [k, whole[k]]),
      );
  }
  return { won: won as Partial<T>, clocks: merged.clocks };
}

/** The greatest stamp among a record's field clocks, or null for a record never written. */
export function latestStamp(clocks: Clocks): string | null {
  let max: string | null = null;
  for (const s of Object.values(clocks)) if (max === null || s > max) max = s;
  return max;
}

/**
 * Field clocks as stored: most fields of a card share the stamp of the write that created it,
 * so the stamp most fields carry is kept once (`*`) and only the other fields are listed. A new
 * card's clocks take 60 bytes instead of 1.6 kB.
 */
export function packClocks(clocks: Clocks): string {
  const counts = new Map<string, number>();
  for (const s of Object.values(clocks)) counts.set(s, (counts.get(s) ?? 0) + 1);
  let base: string | null = null;
  let best = 0;
  for (const [s, n] of counts) {
    if (n > best || (n === best && base !== null && s > base)) {
      base = s;
      best = n;
    }
  }
  if (base === null) return '{}';
  const packed: Record<string, string> = { '*': base };
  const fields: string[] = [];
  for (const [f, s] of Object.entries(clocks)) {
    if (s === base) fields.push(f);
    else packed[f] = s;
  }
  return JSON.stringify({ ...packed, '*f': fields.join(',') });
}

export function unpackClocks(text: string): Clocks {
  const packed = JSON.parse(text) as Record<string, string>;
  const base = packed['*'];
  if (base === undefined) return packed;
  const clocks: Clocks = {};
  for (const f of (packed['*f'] ?? '').split(',')) if (f) clocks[f] = base;
  for (const [f, s] of Object.entries(packed)) if (f !== '*' && f !== '*f') clocks[f] = s;
  return clocks;
}
