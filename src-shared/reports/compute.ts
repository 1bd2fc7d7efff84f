import {
  ANSWER_MODES,
  APPEAL_FORMS,
  APPEAL_KINDS,
  CHANNELS,
  type AnswerMode,
  type AppealForm,
  type AppealKind,
  type AppealResult,
  type Channel,
} from '../domain/enums';
import { TOP_REASONS, type AppealMetrics } from './appeal-metrics';
import type { Period } from './period';
import { median, nearestRank, shareOf, sharesOf } from './shares';

/**
 * The arithmetic of the appeal metrics (docs/metrics.md), from counts a database computes in a
 * single pass: the desk's SQLite and the central server's SQLite or PostgreSQL produce the
 * same inputs, and this one function turns them into the figures.
 */

/** Appeals of the period counted by every dimension the metrics use. */
export interface CubeRow {
  channel: Channel;
  kind: AppealKind;
  form: AppealForm;
  answerMode: AnswerMode | null;
  result: AppealResult | null;
  /** 1 when the appeal is in a final status. */
  final: number;
  /** 1 when not final and the due date is before today. */
  overdue: number;
  repeat: number;
  collective: number;
  signatories: number;
  n: number;
}

/** Written answers given in the period, by waiting time in days and whether in time. */
export interface AnswerRow {
  days: number;
  inTime: number;
  n: number;
}

export interface Reason {
  code: string;
  title: string;
  appeals: number;
}

export function metricsFromCounts(
  period: Period,
  asOf: string,
  cube: readonly CubeRow[],
  sections: readonly Reason[],
  themes: readonly Reason[],
  answers: readonly AnswerRow[],
): AppealMetrics {
  const sum = (pick: (r: CubeRow) => number, where: (r: CubeRow) => boolean = () => true) =>
    cube.reduce((s, r) => (where(r) ? s + pick(r) : s), 0);
  const n = (r: CubeRow) => r.n;
  const appeals = sum(n);
  const complaints = sum(n, (r) => r.kind === 'complaint');
  const satisfied = sum(n, (r) => r.kind === 'complaint' && r.result === 'supported');
  const refused = sum(n, (r) => r.kind === 'complaint' && r.result === 'refused');
  const redirected = sum(n, (r) => r.answerMode === 'redirected');
  const repeat = sum(n, (r) => r.repeat === 1);
  const collective = sum(n, (r) => r.collective === 1);

  const distribution = <K extends string>(keys: readonly K[], key: (r: CubeRow) => K) => {
    const counts = keys.map((k) => sum(n, (r) => key(r) === k));
    const shares = sharesOf(counts);
    return keys.map((k, i) => ({ key: k, appeals: counts[i]!, share: shares[i]! }));
  };
  const channelCounts = CHANNELS.map((c) => sum(n, (r) => r.channel === c));
  const complaintCounts = CHANNELS.map((c) =>
    sum(n, (r) => r.channel === c && r.kind === 'complaint'),
  );
  const channelShares = sharesOf(channelCounts);
  const complaintShares = sharesOf(complaintCounts);

  const days: number[] = [];
  let inTime = 0;
  for (const a of answers) {
    for (let i = 0; i < a.n; i++) days.push(a.days);
    if (a.inTime === 1) inTime += a.n;
  }
  days.sort((x, y) => x - y);
  const late = days.length - inTime;
  const top = (rows: readonly Reason[]) =>
    [...rows]
      .sort((a, b) => b.appeals - a.appeals || (a.code < b.code ? -1 : 1))
      .slice(0, TOP_REASONS)
      .map((r) => ({ ...r, share: shareOf(r.appeals, appeals) }));
  const modes = distribution(
    [...ANSWER_MODES, 'none'] as (AnswerMode | 'none')[],
    (r) => r.answerMode ?? 'none',
  );

  return {
    period,
    asOf,
    appeals,
    complaints,
    byChannel: CHANNELS.map((channel, i) => ({
      channel,
      appeals: channelCounts[i]!,
      appealsShare: channelShares[i]!,
      complaints: complaintCounts[i]!,
      complaintsShare: complaintShares[i]!,
    })),
    topSections: top(sections),
    topThemes: top(themes),
    answerTime: {
      answered: days.length,
      meanDays: days.length
        ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
        : null,
      medianDays: median(days),
      p90Days: nearestRank(days, 90),
      inTime,
      inTimeShare: shareOf(inTime, days.length),
      late,
      lateShare: shareOf(late, days.length),
      open: sum(n, (r) => r.final === 0),
      overdue: sum(n, (r) => r.overdue === 1),
    },
    satisfiedComplaints: satisfied,
    satisfiedShare: shareOf(satisfied, complaints),
    unsatisfiedComplaints: refused,
    unsatisfiedShare: shareOf(refused, complaints),
    redirected,
    redirectedShare: shareOf(redirected, appeals),
    byKind: distribution(APPEAL_KINDS, (r) => r.kind).map(({ key, ...r }) => ({ kind: key, ...r })),
    byForm: distribution(APPEAL_FORMS, (r) => r.form).map(({ key, ...r }) => ({ form: key, ...r })),
    byAnswerMode: modes.map(({ key, ...r }) => ({ mode: key, ...r })),
    repeat,
    repeatShare: shareOf(repeat, appeals),
    collective,
    collectiveShare: shareOf(collective, appeals),
    signatories: sum(
      (r) => r.signatories,
      (r) => r.collective === 1,
    ),
  };
}
