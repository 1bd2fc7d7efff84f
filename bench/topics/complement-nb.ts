import { appealTerms, stems, unitVector } from '../../src-shared/topics/text';
import type { ClassifierEntry } from '../../src-shared/topics/model';
import { questionOf } from '../../src-shared/topics/model';

/**
 * Complement naive Bayes (Rennie et al., 2003) over the same terms as the model in use — an
 * alternative measured by the bench, not used by the product (docs/topics.md). Each card is
 * its unit TF vector (sublinear, length-normalised); each question's title counts as three
 * cards of it. A class's weight of a term comes from every other class's counts; weights are
 * normalised per class; a letter scores a class by −Σ tf·w.
 */
export function complementNb(
  entries: readonly ClassifierEntry[],
  cards: Iterable<{ content: string; codes: readonly string[] }>,
  alpha = 0.1,
) {
  const byClass = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  const add = (code: string, v: Map<string, number>, k: number) => {
    let m = byClass.get(code);
    if (!m) byClass.set(code, (m = new Map()));
    for (const [t, w] of v) {
      m.set(t, (m.get(t) ?? 0) + w * k);
      total.set(t, (total.get(t) ?? 0) + w * k);
    }
  };
  for (const e of entries) {
    if (e.level !== 4) continue;
    const v = new Map<string, number>();
    for (const s of stems(e.title)) v.set(s, (v.get(s) ?? 0) + 1);
    add(e.code, unitVector(v), 3);
  }
  for (const c of cards) {
    const v = unitVector(appealTerms(c.content, { only: 'all' }).all);
    for (const q of new Set(c.codes.map(questionOf))) if (q) add(q, v, 1);
  }
  const vocabulary = total.size;
  const grand = [...total.values()].reduce((a, b) => a + b, 0);
  const logAll = new Map([...total].map(([t, n]) => [t, Math.log(n + alpha)]));
  // Per class: its counts, the log denominator of its complement and the norm of its weights;
  // the weight of a term the class never saw is (log(all + α) − D) / norm, so only the class's
  // own terms need a correction when a letter is scored.
  const classes = [...byClass].map(([code, m]) => {
    const classTotal = [...m.values()].reduce((a, b) => a + b, 0);
    const d = Math.log(grand - classTotal + alpha * vocabulary);
    let norm = 0;
    for (const [t, all] of total) norm += Math.abs(Math.log(all - (m.get(t) ?? 0) + alpha) - d);
    return { code, m, d, norm };
  });
  return {
    suggest(text: string, limit: number): string[] {
      const q = [...unitVector(appealTerms(text).all)].filter(([t]) => total.has(t));
      if (q.length === 0) return [];
      let base = 0;
      let mass = 0;
      for (const [t, x] of q) {
        base += x * logAll.get(t)!;
        mass += x;
      }
      const scored = classes.map(({ code, m, d, norm }) => {
        let s = base - d * mass;
        for (const [t, x] of q) {
          const own = m.get(t);
          if (own) s += x * (Math.log(total.get(t)! - own + alpha) - logAll.get(t)!);
        }
        return [code, -s / norm] as const;
      });
      scored.sort((a, b) => b[1] - a[1]);
      return scored.slice(0, limit).map(([c]) => c);
    },
  };
}
