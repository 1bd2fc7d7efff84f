import { levelOf } from '../../../src-shared/domain/classifier';
import type { ClassifierGroups } from '../../../src-shared/reports/appeal-metrics';
import type { Period } from '../../../src-shared/reports/period';
import { shareOf } from '../../../src-shared/reports/shares';
import type { CoreContext } from '../context';
import { periodParams } from './appeal-metrics';

/** Length of a code's prefix that names its ancestor at each level (1–5). */
const PREFIX = [0, 4, 9, 14, 19, 24];
const PAD = ['', '.0000.0000.0000', '.0000.0000', '.0000', '', ''];

/** The SQL expression for the ancestor at `level` of column t.code. */
function ancestor(level: number): string {
  return PAD[level]
    ? `substr(t.code, 1, ${PREFIX[level]}) || '${PAD[level]}'`
    : `substr(t.code, 1, ${PREFIX[level]})`;
}

/** Whether t.code goes below `level` (has a non-zero block at level + 1). */
function deeper(level: number): string {
  const start = PREFIX[level]! + 2;
  return level >= 4 ? `length(t.code) > 19` : `substr(t.code, ${start}, 4) <> '0000'`;
}

/**
 * Metric 3: appeals of the period by classifier group, one level at a time. At the top, the
 * sections; under a group, its child groups, plus "coded at this group itself" for appeals whose
 * code stops there. An appeal with codes in two groups counts in each (docs/metrics.md).
 */
export function classifierGroups(
  ctx: CoreContext,
  period: Period,
  parent: string | null,
): ClassifierGroups {
  if (parent === null) return sections(ctx, period);
  const level = levelOf(parent);
  const child = level + 1;
  const inParent = parent === null ? '1' : `substr(t.code, 1, ${PREFIX[level]}) = @prefix`;
  const params = {
    ...periodParams(period),
    ...(parent === null ? {} : { prefix: parent.slice(0, PREFIX[level]) }),
  };
  const appeals = ctx.db
    .prepare(
      `SELECT count(DISTINCT t.appeal_id) FROM appeal_topics t INDEXED BY appeal_topics_report
       WHERE t.registered_at >= @from AND t.registered_at < @toEnd AND ${inParent}`,
    )
    .pluck()
    .get(params) as number;
  const rows = ctx.db
    .prepare(
      `SELECT g.code, coalesce(n.title, '') AS title, g.appeals FROM (
         SELECT CASE WHEN ${level === 0 ? '1' : deeper(level)} THEN ${ancestor(child)} END AS code,
           count(DISTINCT t.appeal_id) AS appeals
         FROM appeal_topics t INDEXED BY appeal_topics_report
         WHERE t.registered_at >= @from AND t.registered_at < @toEnd AND ${inParent}
         GROUP BY 1) g
       LEFT JOIN classifier_nodes n ON n.code = g.code
       ORDER BY g.code IS NULL, g.appeals DESC, g.code`,
    )
    .all(params) as { code: string | null; title: string; appeals: number }[];
  return {
    period,
    parent,
    appeals,
    groups: rows.map((r) => ({
      code: r.code,
      title: r.code === null ? '' : r.title,
      level: child,
      appeals: r.appeals,
      share: shareOf(r.appeals, appeals),
    })),
  };
}

/** The top of the drill-down, the sections, from the roll-ups (migration 0070). */
function sections(ctx: CoreContext, period: Period): ClassifierGroups {
  const rows = ctx.db
    .prepare(
      `SELECT g.code, coalesce(c.title, '') AS title, g.appeals FROM (
         SELECT code, sum(n) AS appeals FROM report_topics
         WHERE day BETWEEN @from AND @to AND (code = '*' OR code LIKE '%.0000.0000.0000')
         GROUP BY code HAVING sum(n) > 0) g
       LEFT JOIN classifier_nodes c ON c.code = g.code
       ORDER BY g.appeals DESC, g.code`,
    )
    .all(period) as { code: string; title: string; appeals: number }[];
  const appeals = rows.find((r) => r.code === '*')?.appeals ?? 0;
  return {
    period,
    parent: null,
    appeals,
    groups: rows
      .filter((r) => r.code !== '*')
      .map((r) => ({ ...r, level: 1, share: shareOf(r.appeals, appeals) })),
  };
}
