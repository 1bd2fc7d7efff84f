import { sql, type Kysely } from 'kysely';
import type { AppealMetrics } from '../../src-shared/reports/appeal-metrics';
import {
  metricsFromCounts,
  type AnswerRow,
  type CubeRow,
  type Reason,
} from '../../src-shared/reports/compute';
import type { Period } from '../../src-shared/reports/period';
import type { ServerDatabase } from '../db/schema';

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

interface Inputs {
  cube: CubeRow[];
  sections: Reason[];
  themes: Reason[];
  answers: AnswerRow[];
}

/**
 * The appeal metrics at the central server, for the whole region or one office: the same counts
 * as the desk's (SQL that SQLite and PostgreSQL both run), the same arithmetic
 * (src-shared/reports/compute.ts).
 */
export async function centralMetrics(
  db: Kysely<ServerDatabase>,
  period: Period,
  officeId: string | null,
  today: string,
): Promise<AppealMetrics> {
  return centralMetricsOf(db, period, officeId === null ? null : [officeId], today);
}

/** The metrics of several offices together (null: the whole region). */
export async function centralMetricsOf(
  db: Kysely<ServerDatabase>,
  period: Period,
  officeIds: readonly string[] | null,
  today: string,
): Promise<AppealMetrics> {
  const inputs = await metricInputs(db, period, officeIds, today, false);
  return metricsOf(period, today, inputs.get('*'));
}

/**
 * Every office's metrics for a period at once (the console's offices table): each count is one
 * grouped query over the region instead of one query per office.
 */
export async function centralOfficesMetrics(
  db: Kysely<ServerDatabase>,
  period: Period,
  /** The offices to count; null: every office of the region. */
  officeIds: readonly string[] | null,
  today: string,
): Promise<(officeId: string) => AppealMetrics> {
  const inputs = await metricInputs(db, period, officeIds, today, true);
  return (id) => metricsOf(period, today, inputs.get(id));
}

function metricsOf(period: Period, today: string, i: Inputs | undefined): AppealMetrics {
  return metricsFromCounts(
    period,
    today,
    i?.cube ?? [],
    i?.sections ?? [],
    i?.themes ?? [],
    i?.answers ?? [],
  );
}

async function metricInputs(
  db: Kysely<ServerDatabase>,
  period: Period,
  officeIds: readonly string[] | null,
  today: string,
  perOffice: boolean,
): Promise<Map<string, Inputs>> {
  const byKey = new Map<string, Inputs>();
  if (officeIds?.length === 0) return byKey;
  const office =
    officeIds === null
      ? sql`TRUE`
      : officeIds.length === 1
        ? sql`office_id = ${officeIds[0]}`
        : sql`office_id IN (${sql.join(officeIds.map((id) => sql`${id}`))})`;
  const key = perOffice ? sql`office_id` : sql`'*'`;
  const of = (k: unknown) => {
    const id = String(k);
    let i = byKey.get(id);
    if (!i) byKey.set(id, (i = { cube: [], sections: [], themes: [], answers: [] }));
    return i;
  };
  // Sums over the roll-ups every write keeps (src-server/db/rollups.ts), as the desk's.
  const cube = await sql<Record<string, unknown>>`
    SELECT ${key} AS k, channel, kind, form, answer_mode, result, final,
      CASE WHEN final = 0 AND due_date <> '' AND due_date < ${today} THEN 1 ELSE 0 END AS overdue,
      repeat, collective, sum(signatories) AS signatories, sum(n) AS n
    FROM report_appeals
    WHERE day >= ${period.from} AND day <= ${period.to} AND ${office}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(n) > 0`.execute(db);
  for (const r of cube.rows) {
    of(r.k).cube.push({
      channel: r.channel as CubeRow['channel'],
      kind: r.kind as CubeRow['kind'],
      form: r.form as CubeRow['form'],
      answerMode: (r.answer_mode || null) as CubeRow['answerMode'],
      result: (r.result || null) as CubeRow['result'],
      final: Number(r.final),
      overdue: Number(r.overdue),
      repeat: Number(r.repeat),
      collective: Number(r.collective),
      signatories: Number(r.signatories),
      n: Number(r.n),
    });
  }
  const groups = (
    await sql<{ k: string; code: string; appeals: number | string }>`
      SELECT ${key} AS k, code, sum(n) AS appeals
      FROM report_topics
      WHERE day >= ${period.from} AND day <= ${period.to} AND ${office} AND code <> '*'
      GROUP BY 1, 2
      HAVING sum(n) > 0`.execute(db)
  ).rows;
  const titles = await titlesOf(db, [...new Set(groups.map((r) => r.code))]);
  for (const r of groups) {
    const reason: Reason = {
      code: r.code,
      title: titles.get(r.code) ?? r.code,
      appeals: Number(r.appeals),
    };
    if (r.code.endsWith('.0000.0000.0000')) of(r.k).sections.push(reason);
    else of(r.k).themes.push(reason);
  }
  const answered = await sql<{
    k: string;
    answered: string;
    registered: string;
    in_time: number;
    n: number;
  }>`
    SELECT ${key} AS k, answer_date AS answered, registered, in_time, sum(n) AS n
    FROM report_answers
    WHERE answer_date >= ${period.from} AND answer_date <= ${period.to} AND ${office}
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) > 0`.execute(db);
  for (const r of answered.rows) {
    of(r.k).answers.push({
      days: dayNumber(r.answered) - dayNumber(r.registered),
      inTime: Number(r.in_time),
      n: Number(r.n),
    });
  }
  return byKey;
}

/** Titles from the classifier the central was given as reference data, where it was. */
async function titlesOf(db: Kysely<ServerDatabase>, codes: string[]) {
  const titles = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const refs = await db
      .selectFrom('reference_records')
      .select(['entity_id', 'data'])
      .where('entity', '=', 'classifier')
      .where('entity_id', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of refs) titles.set(r.entity_id, (JSON.parse(r.data) as { title: string }).title);
  }
  return titles;
}
