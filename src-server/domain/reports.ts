import { sql, type Kysely } from 'kysely';
import { FINAL_STATUSES } from '../../src-shared/domain/enums';
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
  const toEnd = `${period.to}U`;
  const office = officeId === null ? sql`TRUE` : sql`office_id = ${officeId}`;
  const final = sql.join(FINAL_STATUSES.map((s) => sql`${s}`));
  const cube = await sql<Record<string, unknown>>`
    SELECT channel, kind, form, answer_mode, result,
      CASE WHEN status IN (${final}) THEN 1 ELSE 0 END AS final,
      CASE WHEN status NOT IN (${final}) AND due_date < ${today} THEN 1 ELSE 0 END AS overdue,
      is_repeat, is_collective, coalesce(sum(signatory_count), 0) AS signatories, count(*) AS n
    FROM appeals
    WHERE registered_at >= ${period.from} AND registered_at < ${toEnd} AND ${office}
    GROUP BY channel, kind, form, answer_mode, result, 6, 7, is_repeat, is_collective`.execute(db);
  const reasons = async (prefix: number, pad: string, deeper: ReturnType<typeof sql>) =>
    (
      await sql<{ code: string; title: string | null; appeals: number | string }>`
        SELECT substr(code, 1, ${sql.lit(prefix)}) || ${pad} AS code, NULL AS title,
          count(DISTINCT appeal_id) AS appeals
        FROM appeal_topics
        WHERE registered_at >= ${period.from} AND registered_at < ${toEnd} AND ${office}
          AND ${deeper}
        GROUP BY 1`.execute(db)
    ).rows.map((r): Reason => ({ code: r.code, title: r.code, appeals: Number(r.appeals) }));
  // Titles from the classifier the central was given as reference data, where it was.
  const titled = async (rows: Reason[]) => {
    if (rows.length === 0) return rows;
    const refs = await db
      .selectFrom('reference_records')
      .select(['entity_id', 'data'])
      .where('entity', '=', 'classifier')
      .where(
        'entity_id',
        'in',
        rows.map((r) => r.code),
      )
      .execute();
    const titles = new Map(
      refs.map((r) => [r.entity_id, (JSON.parse(r.data) as { title: string }).title]),
    );
    return rows.map((r) => ({ ...r, title: titles.get(r.code) ?? r.code }));
  };
  const answered = await sql<{ answered: string; registered: string; in_time: number; n: number }>`
    SELECT answer_date AS answered, substr(registered_at, 1, 10) AS registered,
      CASE WHEN due_date IS NULL OR answer_date <= due_date THEN 1 ELSE 0 END AS in_time,
      count(*) AS n
    FROM appeals
    WHERE answer_date >= ${period.from} AND answer_date <= ${period.to} AND ${office}
    GROUP BY 1, 2, 3`.execute(db);
  const answers: AnswerRow[] = answered.rows.map((r) => ({
    days: dayNumber(r.answered) - dayNumber(r.registered),
    inTime: Number(r.in_time),
    n: Number(r.n),
  }));
  return metricsFromCounts(
    period,
    today,
    cube.rows.map((r): CubeRow => ({
      channel: r.channel as CubeRow['channel'],
      kind: r.kind as CubeRow['kind'],
      form: r.form as CubeRow['form'],
      answerMode: (r.answer_mode ?? null) as CubeRow['answerMode'],
      result: (r.result ?? null) as CubeRow['result'],
      final: Number(r.final),
      overdue: Number(r.overdue),
      repeat: Number(r.is_repeat),
      collective: Number(r.is_collective),
      signatories: Number(r.signatories),
      n: Number(r.n),
    })),
    await titled(await reasons(4, '.0000.0000.0000', sql`TRUE`)),
    await titled(await reasons(9, '.0000.0000', sql`substr(code, 6, 4) <> '0000'`)),
    answers,
  );
}
