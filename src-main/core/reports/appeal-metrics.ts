import {
  ANSWER_MODES,
  APPEAL_FORMS,
  APPEAL_KINDS,
  CHANNELS,
  FINAL_STATUSES,
  type AnswerMode,
} from '../../../src-shared/domain/enums';
import { localToday } from '../../../src-shared/domain/dates';
import { TOP_REASONS, type AppealMetrics } from '../../../src-shared/reports/appeal-metrics';
import type { Period } from '../../../src-shared/reports/period';
import { median, nearestRank, shareOf, sharesOf } from '../../../src-shared/reports/shares';
import type { CoreContext } from '../context';

const FINAL = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');

/** Appeals registered in the period: `registered_at` is 'YYYY-MM-DDTHH:mm'. */
const IN_PERIOD = 'a.registered_at >= @from AND a.registered_at < @toEnd';

export const periodParams = (p: Period) => ({ from: p.from, toEnd: `${p.to}U` });

/** Days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The appeal metrics of a period over the cards this desk holds, with SQL aggregates
 * (docs/metrics.md has the definitions; the golden test checks them by hand-computed figures).
 */
export function appealMetrics(ctx: CoreContext, period: Period): AppealMetrics {
  const { db } = ctx;
  const params = periodParams(period);
  const today = localToday(ctx.now());

  const totals = db
    .prepare(
      `SELECT count(*) AS appeals,
         count(*) FILTER (WHERE kind = 'complaint') AS complaints,
         count(*) FILTER (WHERE kind = 'complaint' AND result = 'supported') AS satisfied,
         count(*) FILTER (WHERE kind = 'complaint' AND result = 'refused') AS refused,
         count(*) FILTER (WHERE answer_mode = 'redirected') AS redirected,
         count(*) FILTER (WHERE is_repeat = 1) AS repeat,
         count(*) FILTER (WHERE is_collective = 1) AS collective,
         coalesce(sum(signatory_count) FILTER (WHERE is_collective = 1), 0) AS signatories,
         count(*) FILTER (WHERE status NOT IN (${FINAL})) AS open,
         count(*) FILTER (WHERE status NOT IN (${FINAL}) AND due_date < @today) AS overdue
       FROM appeals a WHERE ${IN_PERIOD}`,
    )
    .get({ ...params, today }) as Record<string, number>;

  const grouped = (column: string) =>
    new Map(
      (
        db
          .prepare(
            `SELECT ${column} AS key, count(*) AS n,
               count(*) FILTER (WHERE kind = 'complaint') AS complaints
             FROM appeals a WHERE ${IN_PERIOD} GROUP BY ${column}`,
          )
          .all(params) as { key: string | null; n: number; complaints: number }[]
      ).map((r) => [r.key ?? 'none', r] as const),
    );

  const channels = grouped('channel');
  const channelCounts = CHANNELS.map((c) => channels.get(c)?.n ?? 0);
  const complaintCounts = CHANNELS.map((c) => channels.get(c)?.complaints ?? 0);
  const channelShares = sharesOf(channelCounts);
  const complaintShares = sharesOf(complaintCounts);

  const distribution = <K extends string>(keys: readonly K[], column: string) => {
    const m = grouped(column);
    const counts = keys.map((k) => m.get(k)?.n ?? 0);
    const shares = sharesOf(counts);
    return keys.map((k, i) => ({ key: k, appeals: counts[i]!, share: shares[i]! }));
  };

  const reasons = (ancestor: string, where = '1') =>
    (
      db
        .prepare(
          `SELECT g.code, coalesce(n.title, g.code) AS title, g.appeals FROM (
             SELECT ${ancestor} AS code, count(DISTINCT a.id) AS appeals
             FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id
             WHERE ${IN_PERIOD} AND ${where} GROUP BY 1) g
           LEFT JOIN classifier_nodes n ON n.code = g.code
           ORDER BY g.appeals DESC, g.code LIMIT ${TOP_REASONS}`,
        )
        .all(params) as { code: string; title: string; appeals: number }[]
    ).map((r) => ({ ...r, share: shareOf(r.appeals, totals.appeals!) }));

  const answered = db
    .prepare(
      `SELECT substr(registered_at, 1, 10) AS registered, answer_date AS answered, due_date AS due
       FROM appeals a WHERE answer_date >= @from AND answer_date <= @to`,
    )
    .all({ from: period.from, to: period.to }) as {
    registered: string;
    answered: string;
    due: string | null;
  }[];
  const days = answered.map((r) => daysBetween(r.registered, r.answered)).sort((x, y) => x - y);
  const inTime = answered.filter((r) => r.due === null || r.answered <= r.due).length;
  const late = answered.length - inTime;

  const kinds = distribution(APPEAL_KINDS, 'kind');
  const forms = distribution(APPEAL_FORMS, 'form');
  const modes = distribution([...ANSWER_MODES, 'none'] as (AnswerMode | 'none')[], 'answer_mode');
  const { appeals, complaints } = totals as { appeals: number; complaints: number };

  return {
    period,
    asOf: today,
    appeals,
    complaints,
    byChannel: CHANNELS.map((channel, i) => ({
      channel,
      appeals: channelCounts[i]!,
      appealsShare: channelShares[i]!,
      complaints: complaintCounts[i]!,
      complaintsShare: complaintShares[i]!,
    })),
    topSections: reasons(`substr(t.code, 1, 4) || '.0000.0000.0000'`),
    topThemes: reasons(`substr(t.code, 1, 9) || '.0000.0000'`, `substr(t.code, 6, 4) <> '0000'`),
    answerTime: {
      answered: answered.length,
      meanDays: days.length
        ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
        : null,
      medianDays: median(days),
      p90Days: nearestRank(days, 90),
      inTime,
      inTimeShare: shareOf(inTime, answered.length),
      late,
      lateShare: shareOf(late, answered.length),
      open: totals.open!,
      overdue: totals.overdue!,
    },
    satisfiedComplaints: totals.satisfied!,
    satisfiedShare: shareOf(totals.satisfied!, complaints),
    unsatisfiedComplaints: totals.refused!,
    unsatisfiedShare: shareOf(totals.refused!, complaints),
    redirected: totals.redirected!,
    redirectedShare: shareOf(totals.redirected!, appeals),
    byKind: kinds.map(({ key, ...r }) => ({ kind: key, ...r })),
    byForm: forms.map(({ key, ...r }) => ({ form: key, ...r })),
    byAnswerMode: modes.map(({ key, ...r }) => ({ mode: key, ...r })),
    repeat: totals.repeat!,
    repeatShare: shareOf(totals.repeat!, appeals),
    collective: totals.collective!,
    collectiveShare: shareOf(totals.collective!, appeals),
    signatories: totals.signatories!,
  };
}
