import type { AppealFilter, AppealList } from '../../../src-shared/domain/appeal-list';
import { FINAL_STATUSES, type AppealStatus } from '../../../src-shared/domain/enums';
import { addDays, localToday } from '../../../src-shared/domain/dates';
import { isOverdue } from '../../../src-shared/domain/deadlines';
import type { AppealKind, Channel } from '../../../src-shared/domain/enums';
import type { CoreContext } from '../context';
import { ftsQuery } from '../../../src-shared/text/stem';
import { applicantOf } from './rows';
import { cardsBehind } from '../../../src-shared/reports/questions';
import { periodQuestions } from '../reports/questions';

const EXCERPT = 160;
const FINAL_LIST = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');

interface ListRow {
  id: string;
  reg_number: string;
  registered_at: string;
  applicant_type: string;
  visitor_name: string | null;
  organisation_name: string | null;
  representative_name: string | null;
  kind: string;
  channel: string;
  status: string;
  official_name: string | null;
  topic_codes: string | null;
  due_date: string | null;
  excerpt: string;
}

type Params = Record<string, string | number>;

/** Filters that match one column exactly: filter key → column. */
const EQUALS = [
  ['status', 'status'],
  ['channel', 'channel'],
  ['kind', 'kind'],
  ['form', 'form'],
  ['officialId', 'official_id'],
  // The metrics' result is the card's outcome from its questions (docs/metrics.md).
  ['result', 'outcome'],
  ['answerMode', 'answer_mode'],
] as const satisfies readonly (readonly [keyof AppealFilter, string])[];

/** The WHERE conditions of every filter except the text query. */
function filterConditions(ctx: CoreContext, filter: AppealFilter, today: string) {
  const where: string[] = [];
  const params: Params = {};
  if (filter.from) {
    where.push('a.registered_at >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    // registered_at is 'YYYY-MM-DDTHH:mm': everything on the 'to' day sorts below 'to' + 'U'.
    where.push('a.registered_at < @toEnd');
    params.toEnd = `${filter.to}U`;
  }
  for (const [key, column] of EQUALS) {
    const value = filter[key];
    if (value) {
      where.push(`a.${column} = @${key}`);
      params[key] = value;
    }
  }
  if (filter.section) {
    where.push(
      'EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id AND t.section = @section)',
    );
    params.section = filter.section;
  }
  if (filter.topic) {
    // A group at any level: its code without the trailing zero blocks is a prefix of the codes.
    const prefix = filter.topic.replace(/(\.0000)+$/, '');
    where.push(
      `EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id
         AND (t.code = @topic OR substr(t.code, 1, @prefixLength) = @topicPrefix))`,
    );
    Object.assign(params, {
      topic: filter.topic,
      topicPrefix: `${prefix}.`,
      prefixLength: prefix.length + 1,
    });
  }
  if (filter.questionStatus || filter.questionGroup) {
    // The cards behind a figure of the questions table: chosen by the shared rule itself.
    const period = { from: filter.from ?? '0000-01-01', to: filter.to ?? '9999-12-31' };
    const ids = cardsBehind(periodQuestions(ctx, period), period, today, {
      group: filter.questionGroup ?? '*',
      status: filter.questionStatus ?? null,
    });
    where.push('a.id IN (SELECT value FROM json_each(@questionCards))');
    params.questionCards = JSON.stringify(ids);
  }
  if (filter.answeredFrom) {
    where.push('a.answer_date >= @answeredFrom');
    params.answeredFrom = filter.answeredFrom;
  }
  if (filter.answeredTo) {
    where.push('a.answer_date <= @answeredTo');
    params.answeredTo = filter.answeredTo;
  }
  if (filter.late) where.push('a.answer_date > a.due_date');
  if (filter.open) where.push(`a.status NOT IN (${FINAL_LIST})`);
  if (filter.dueWithinDays !== undefined) {
    where.push(
      `a.due_date >= @today AND a.due_date <= @dueUntil AND a.status NOT IN (${FINAL_LIST})`,
    );
    params.today = today;
    params.dueUntil = addDays(today, filter.dueWithinDays);
  }
  if (filter.overdueOnly) {
    where.push(`a.due_date < @today AND a.status NOT IN (${FINAL_LIST})`);
    params.today = today;
  }
  return { where, params };
}

const COLUMNS = `a.id, a.reg_number, a.registered_at, a.applicant_type, a.visitor_name,
  a.organisation_name, a.representative_name, a.kind, a.channel, a.status,
  o.full_name AS official_name, a.due_date,
  (SELECT group_concat(code, ' ') FROM
     (SELECT code FROM appeal_topics t WHERE t.appeal_id = a.id ORDER BY position)
  ) AS topic_codes,
  substr(a.content, 1, ${EXCERPT}) AS excerpt`;

/**
 * The filtered list of cards, one page at a time (the renderer's virtual list asks for the
 * pages it scrolls to); the total is counted with the first page only.
 *
 * Without a text query the list is ordered by registration date, newest first. With one, the
 * full-text index drives the query and results come newest-entered first (by the index's
 * rowid, i.e. the order cards were saved on this desk), which lets SQLite stop after one page
 * instead of sorting every match: a common word matches a tenth of a million cards.
 */
export function listAppeals(
  ctx: CoreContext,
  filter: AppealFilter,
  offset: number,
  limit: number,
): AppealList {
  const today = localToday(ctx.now());
  const { where, params } = filterConditions(ctx, filter, today);
  const match = filter.query ? ftsQuery(filter.query) : null;
  const db = ctx.db;
  let total: number | null = null;
  let rows: ListRow[];

  if (match) {
    params.match = match;
    const conditions = ['appeals_fts MATCH @match', ...where].join(' AND ');
    const from = `FROM appeals_fts f JOIN appeals a ON a.rowid = f.rowid
       LEFT JOIN officials o ON o.id = a.official_id WHERE ${conditions}`;
    if (offset === 0) {
      total =
        where.length === 0
          ? (db
              .prepare('SELECT count(*) FROM appeals_fts WHERE appeals_fts MATCH @match')
              .pluck()
              .get(params) as number)
          : (db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number);
    }
    rows = db
      .prepare(`SELECT ${COLUMNS} ${from} ORDER BY f.rowid DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as ListRow[];
  } else {
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    if (offset === 0) {
      total = db
        .prepare(`SELECT count(*) FROM appeals a ${whereSql}`)
        .pluck()
        .get(params) as number;
    }
    rows = db
      .prepare(
        `SELECT ${COLUMNS} FROM appeals a LEFT JOIN officials o ON o.id = a.official_id
         ${whereSql} ORDER BY a.registered_at DESC, a.reg_number DESC
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as ListRow[];
  }

  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      regNumber: r.reg_number,
      registeredAt: r.registered_at,
      applicant: applicantOf(r),
      kind: r.kind as AppealKind,
      channel: r.channel as Channel,
      status: r.status as AppealStatus,
      officialName: r.official_name,
      topicCodes: r.topic_codes ? r.topic_codes.split(' ') : [],
      dueDate: r.due_date,
      overdue: isOverdue(r.due_date, r.status as AppealStatus, today),
      excerpt: r.excerpt,
    })),
  };
}
