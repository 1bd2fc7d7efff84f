import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Period } from '../../src-shared/reports/period';
import {
  countQuestions,
  reportQuestionOf,
  type QuestionReport,
} from '../../src-shared/reports/questions';
import {
  inMonth,
  monthBounds,
  sstuCheck,
  type SstuAttachmentInfo,
  type SstuCard,
} from '../../src-shared/reports/sstu';
import { sstuJson, sstuRecords, sstuXlsx } from '../../src-shared/node/sstu-file';
import { absentFieldValue, APPEAL_FIELDS, type AppealRecord } from '../../src-shared/sync/records';
import type { ServerDatabase } from '../db/schema';
import { badRequest } from './errors';
import type { Writer } from './write-lock';

type Office = { id: string; code: string; name: string; sstu_department_id: string | null };

/**
 * The monthly report to ССТУ.РФ at the central server, for one, several or all offices
 * (docs/sstu.md): the same rules as the desk's (src-shared/reports/sstu.ts) over the merged
 * cards, the answer documents from the uploaded scans.
 */
export function createCentralSstu(db: Kysely<ServerDatabase>, write: Writer) {
  async function monthCards(month: string, offices: readonly Office[]) {
    const { from, to } = monthBounds(month);
    const ids = offices.map((o) => o.id);
    if (ids.length === 0) return { cards: [], files: new Map(), officeOf: new Map() };
    // A superset by index; `inMonth` (shared) has the last word.
    const rows = await sql<{ id: string; office_id: string; data: string }>`
      SELECT id, office_id, data FROM appeals
      WHERE office_id IN (${sql.join(ids)}) AND (
        (registered_at >= ${from} AND registered_at < ${`${to}U`})
        OR id IN (SELECT appeal_id FROM appeal_questions
                  WHERE status_date >= ${from} AND status_date <= ${to}
                    AND registered_at < ${from}))`.execute(db);
    const officeOf = new Map<string, string>();
    const cards: SstuCard[] = [];
    for (const r of rows.rows) {
      const card = asCard(r.id, JSON.parse(r.data) as Partial<AppealRecord>);
      if (!inMonth(card, month)) continue;
      cards.push(card);
      officeOf.set(card.id, r.office_id);
    }
    cards.sort((a, b) => a.regNumber.localeCompare(b.regNumber));
    const files = new Map<string, SstuAttachmentInfo>();
    for (let i = 0; i < cards.length; i += 500) {
      const part = cards.slice(i, i + 500).map((c) => c.id);
      const found = await db
        .selectFrom('attachments')
        .select(['id', 'file_name', 'size'])
        .where('appeal_id', 'in', part)
        .execute();
      for (const a of found) files.set(a.id, { id: a.id, fileName: a.file_name, size: a.size });
    }
    return { cards, files, officeOf };
  }

  async function periodQuestions(period: Period, officeId: string | null) {
    let q = db
      .selectFrom('appeal_questions')
      .select(['appeal_id', 'code', 'status', 'measures_taken', 'status_date', 'extended'])
      .where('registered_at', '>=', period.from)
      .where('registered_at', '<', `${period.to}U`);
    if (officeId) q = q.where('office_id', '=', officeId);
    return (await q.execute()).map(reportQuestionOf);
  }

  return {
    async check(month: string, offices: readonly Office[]) {
      const { cards, files } = await monthCards(month, offices);
      return {
        month,
        offices: offices.map((o) => ({
          code: o.code,
          name: o.name,
          departmentId: o.sstu_department_id,
        })),
        ...sstuCheck(cards, month, files),
      };
    },
    /** The file; recorded in personal_exports with the administrator who took it. */
    async file(
      month: string,
      offices: readonly Office[],
      format: 'json' | 'xlsx',
      adminId: string,
    ) {
      const missing = offices.filter((o) => !o.sstu_department_id).map((o) => o.code);
      if (missing.length > 0) {
        throw badRequest(
          `Не указан идентификатор органа в ССТУ.РФ: ${missing.join(', ')} (npm run server -- office-sstu КОД UUID).`,
        );
      }
      const { cards, files, officeOf } = await monthCards(month, offices);
      const department = new Map(offices.map((o) => [o.id, o.sstu_department_id!]));
      const docIds = [...files.keys()];
      const bytes = new Map<string, Buffer>();
      for (let i = 0; i < docIds.length; i += 100) {
        const found = await db
          .selectFrom('attachments')
          .select(['id', 'data'])
          .where('id', 'in', docIds.slice(i, i + 100))
          .execute();
        for (const a of found) bytes.set(a.id, Buffer.from(a.data));
      }
      // One office per file part: each card carries its own office's id in ССТУ.
      const parts = offices.map((o) => ({
        month,
        departmentId: department.get(o.id)!,
        cards: cards.filter((c) => officeOf.get(c.id) === o.id),
        attachments: files,
        bytes: (id: string) => bytes.get(id) ?? null,
      }));
      let data: Buffer;
      if (format === 'json') {
        data = sstuJson(parts.flatMap(sstuRecords));
      } else if (parts.length === 1) {
        data = await sstuXlsx(parts[0]!);
      } else {
        throw badRequest('XLSX — по одному органу; JSON — по одному, нескольким или всем.');
      }
      await write((tx) =>
        tx
          .insertInto('personal_exports')
          .values({
            id: randomUUID(),
            at: new Date().toISOString(),
            admin_id: adminId,
            what: `ССТУ.РФ ${month} ${format}`,
            offices: offices.map((o) => o.code).join(','),
            cards: cards.length,
          })
          .execute(),
      );
      return { fileName: `sstu-${month}.${format}`, data, cards: cards.length };
    },
    /** The questions of the cards registered in a period, as the shared rules read them. */
    periodQuestions,
    /** Questions by status per section and theme for a period (the desk's reports.questions). */
    async questions(
      period: Period,
      officeId: string | null,
      today: string,
    ): Promise<QuestionReport> {
      return countQuestions(await periodQuestions(period, officeId), period, today);
    },
  };
}

/** A merged record as the shared rules read it (fields of protocol 3 empty where absent). */
function asCard(id: string, record: Partial<AppealRecord>): SstuCard {
  const full: Record<string, unknown> = { id };
  for (const f of APPEAL_FIELDS) full[f] = record[f] ?? absentFieldValue(f);
  return full as unknown as SstuCard;
}

export type CentralSstu = ReturnType<typeof createCentralSstu>;
