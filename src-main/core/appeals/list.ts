import type { AppealFilter, AppealList } from '../../../src-shared/domain/appeal-list';
import { FINAL_STATUSES } from '../../../src-shared/domain/enums';
import { localToday } from '../../../src-shared/domain/dates';
import { isOverdue } from '../../../src-shared/domain/deadlines';
import type { AppealStatus } from '../../../src-shared/domain/enums';
import type { CoreContext } from '../context';
import { ftsQuery } from '../text/stem';
import { applicantOf } from './rows';

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

/**
 * The filtered, searchable list of cards, newest registration first, one page at a time
 * (the renderer's virtual list asks for the pages it scrolls to).
 */
export function listAppeals(
  ctx: CoreContext,
  filter: AppealFilter,
  offset: number,
  limit: number,
): AppealList {
  const today = localToday(ctx.now());
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.from) {
    where.push('a.registered_at >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    // registered_at is 'YYYY-MM-DDTHH:mm': everything on the 'to' day sorts below 'to' + 'U'.
    where.push('a.registered_at < @toEnd');
    params.toEnd = `${filter.to}U`;
  }
  for (const key of ['status', 'channel', 'kind'] as const) {
    const value = filter[key];
    if (value) {
      where.push(`a.${key} = @${key}`);
      params[key] = value;
    }
  }
  if (filter.officialId) {
    where.push('a.official_id = @officialId');
    params.officialId = filter.officialId;
  }
  if (filter.section) {
    where.push(
      'EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id AND t.section = @section)',
    );
    params.section = filter.section;
  }
  if (filter.overdueOnly) {
    where.push(`a.due_date < @today AND a.status NOT IN (${FINAL_LIST})`);
    params.today = today;
  }
  const match = filter.query ? ftsQuery(filter.query) : null;
  if (match) {
    where.push('a.rowid IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH @match)');
    params.match = match;
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';

  const total =
    offset === 0
      ? (ctx.db.prepare(`SELECT count(*) FROM appeals a ${whereSql}`).pluck().get(params) as number)
      : null;
  const rows = ctx.db
    .prepare(
      `SELECT a.id, a.reg_number, a.registered_at, a.applicant_type, a.visitor_name,
              a.organisation_name, a.representative_name, a.kind, a.channel, a.status,
              o.full_name AS official_name, a.due_date,
              (SELECT group_concat(code, ' ') FROM
                 (SELECT code FROM appeal_topics t WHERE t.appeal_id = a.id ORDER BY position)
              ) AS topic_codes,
              substr(a.content, 1, ${EXCERPT}) AS excerpt
       FROM appeals a LEFT JOIN officials o ON o.id = a.official_id
       ${whereSql}
       ORDER BY a.registered_at DESC, a.reg_number DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as ListRow[];

  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      regNumber: r.reg_number,
      registeredAt: r.registered_at,
      applicant: applicantOf(r),
      kind: r.kind as never,
      channel: r.channel as never,
      status: r.status as AppealStatus,
      officialName: r.official_name,
      topicCodes: r.topic_codes ? r.topic_codes.split(' ') : [],
      dueDate: r.due_date,
      overdue: isOverdue(r.due_date, r.status as AppealStatus, today),
      excerpt: r.excerpt,
    })),
  };
}
