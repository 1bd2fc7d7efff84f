/**
 * Fisher–Yates over a copy, with the caller's uniform integer source (`node:crypto`'s
 * `randomInt` on both sides): how desks send survey responses and how the central numbers
 * them, so that no order says which visitor answered first (docs/anonymity.md).
 */
export function shuffle<T>(items: readonly T[], randomInt: (max: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
