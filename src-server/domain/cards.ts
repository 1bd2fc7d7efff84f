import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { AppealFilter } from '../../src-shared/domain/appeal-list';
import { FINAL_STATUSES } from '../../src-shared/domain/enums';
import { applicantLabel } from '../../src-shared/domain/appeal';
import { cardsBehind } from '../../src-shared/reports/questions';
import type { ConsoleCard } from '../../src-shared/console/api';
import type { ServerDatabase } from '../db/schema';
import type { CentralSstu } from './sstu';
import { badRequest } from './errors';

const EXCERPT = 160;

/**
 * The cards behind a figure of a consolidated report (the console's drill-down): the desk's list
 * filter (src-shared/domain/appeal-list.ts, the same address the figure links to) over the
 * central's report columns. The visitor and the text of the appeal come only when `personal`.
 */
export async function listCards(
  db: Kysely<ServerDatabase>,
  sstu: CentralSstu,
  filter: AppealFilter,
  officeIds: readonly string[] | null,
  today: string,
  page: { offset: number; limit: number; personal: boolean },
): Promise<{ total: number; items: ConsoleCard[] }> {
  if (filter.query) {
    throw badRequest('Поиск по тексту обращений есть на рабочих местах, не в консоли центра.');
  }
  const final = sql.join(FINAL_STATUSES.map((s) => sql`${s}`));
  const where: Expression<SqlBool>[] = [];
  if (officeIds)
    where.push(sql<SqlBool>`a.office_id IN (${sql.join(officeIds.map((id) => sql`${id}`))})`);
  if (filter.from) where.push(sql<SqlBool>`a.registered_at >= ${filter.from}`);
  if (filter.to) where.push(sql<SqlBool>`a.registered_at < ${`${filter.to}U`}`);
  const equals = [
    ['status', 'status'],
    ['channel', 'channel'],
    ['kind', 'kind'],
    ['form', 'form'],
    ['result', 'result'],
    ['answerMode', 'answer_mode'],
  ] as const;
  for (const [key, column] of equals) {
    const value = filter[key];
    if (value) where.push(sql<SqlBool>`${sql.ref(`a.${column}`)} = ${value}`);
  }
  if (filter.section) {
    where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id
      AND substr(t.code, 1, 4) = ${filter.section.slice(0, 4)})`);
  }
  if (filter.topic) {
    const prefix = filter.topic.replace(/(\.0000)+$/, '');
    where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id
      AND (t.code = ${filter.topic} OR substr(t.code, 1, ${prefix.length + 1}) = ${`${prefix}.`}))`);
  }
  if (filter.answeredFrom) where.push(sql<SqlBool>`a.answer_date >= ${filter.answeredFrom}`);
  if (filter.answeredTo) where.push(sql<SqlBool>`a.answer_date <= ${filter.answeredTo}`);
  if (filter.late) where.push(sql<SqlBool>`a.answer_date > a.due_date`);
  if (filter.open) where.push(sql<SqlBool>`a.status NOT IN (${final})`);
  if (filter.overdueOnly) {
    where.push(sql<SqlBool>`a.due_date < ${today} AND a.status NOT IN (${final})`);
  }
  if (filter.dueWithinDays !== undefined) {
    throw badRequest('Сроки ответов смотрят на рабочих местах.');
  }
  if (filter.questionStatus || filter.questionGroup) {
    // The cards behind a figure of the questions table: chosen by the shared rule itself.
    const period = { from: filter.from ?? '0000-01-01', to: filter.to ?? '9999-12-31' };
    const questions = (
      await Promise.all((officeIds ?? [null]).map((o) => sstu.periodQuestions(period, o)))
    ).flat();
    const ids = cardsBehind(questions, period, today, {
      group: filter.questionGroup ?? '*',
      status: filter.questionStatus ?? null,
    });
    if (ids.length === 0) return { total: 0, items: [] };
    where.push(sql<SqlBool>`a.id IN (${sql.join(ids.map((id) => sql`${id}`))})`);
  }
  const cond = where.length ? sql.join(where, sql` AND `) : sql`TRUE`;
  const total = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM appeals a WHERE ${cond}`.execute(db);
  const rows = await sql<{
    id: string;
    office: string;
    reg_number: string | null;
    registered_at: string;
    channel: string | null;
    kind: string | null;
    status: string | null;
    result: string | null;
    due_date: string | null;
    answer_date: string | null;
    data: string | null;
  }>`
    SELECT a.id, o.code AS office, a.reg_number, a.registered_at, a.channel, a.kind, a.status,
      a.result, a.due_date, a.answer_date, ${page.personal ? sql`a.data` : sql`NULL`} AS data
    FROM appeals a JOIN offices o ON o.id = a.office_id
    WHERE ${cond}
    ORDER BY a.registered_at DESC, a.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const topics = new Map<string, string[]>();
  if (rows.rows.length) {
    const t = await db
      .selectFrom('appeal_topics')
      .select(['appeal_id', 'code'])
      .where(
        'appeal_id',
        'in',
        rows.rows.map((r) => r.id),
      )
      .execute();
    for (const r of t) topics.set(r.appeal_id, [...(topics.get(r.appeal_id) ?? []), r.code]);
  }
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => {
      const data = r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null;
      return {
        id: r.id,
        office: r.office,
        regNumber: r.reg_number,
        registeredAt: r.registered_at,
        channel: r.channel as ConsoleCard['channel'],
        kind: r.kind as ConsoleCard['kind'],
        status: r.status as ConsoleCard['status'],
        result: r.result as ConsoleCard['result'],
        dueDate: r.due_date,
        answerDate: r.answer_date,
        topicCodes: (topics.get(r.id) ?? []).sort(),
        applicant: data ? applicantLabel(data as Parameters<typeof applicantLabel>[0]) : null,
        excerpt: data ? String(data.content ?? '').slice(0, EXCERPT) : null,
      };
    }),
  };
}
