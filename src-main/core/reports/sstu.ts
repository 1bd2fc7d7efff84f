import { localToday } from '../../../src-shared/domain/dates';
import { OtklikError } from '../../../src-shared/contract/errors';
import { z } from 'zod';
import {
  inMonth,
  monthBounds,
  sstuCheck,
  type SstuAttachmentInfo,
  type SstuCard,
} from '../../../src-shared/reports/sstu';
import { sstuJson, sstuRecords, sstuXlsx } from '../../../src-shared/node/sstu-file';
import type { AppealsService } from '../appeals/service';
import type { Attachments } from '../attachments/store';
import type { Actor } from '../audit/trail';
import { isoNow, type CoreContext } from '../context';
import type { Settings } from '../settings';

const DEPARTMENT = 'sstu_department_id';

/**
 * The monthly report to ССТУ.РФ on the desk (docs/sstu.md): the cards of a month, the pre-flight
 * list of what would fail the checks, and the files. The rules are src-shared/reports/sstu.ts,
 * the same the central server applies.
 */
export function createSstuReports(
  ctx: CoreContext,
  settings: Settings,
  appeals: AppealsService,
  attachments: Attachments,
) {
  const { db } = ctx;
  // A superset of the month's cards, by index; `inMonth` (shared) has the last word.
  const candidates = db
    .prepare(
      `SELECT id FROM appeals WHERE registered_at >= @from AND registered_at < @toEnd
       UNION
       SELECT appeal_id FROM appeal_questions
       WHERE status_date >= @from AND status_date <= @to AND registered_at < @from`,
    )
    .pluck();
  const exported = db.prepare(
    `INSERT INTO audit_log (appeal_id, at, user_id, user_name, source, action, field, old_value, new_value)
     VALUES (?, ?, ?, ?, 'desk', 'export', 'sstu', NULL, ?)`,
  );

  function monthCards(month: string) {
    const { from, to } = monthBounds(month);
    const ids = candidates.all({ from, to, toEnd: `${to}U` }) as string[];
    const cards = ids
      .map((id) => appeals.get(id) as SstuCard)
      .filter((c) => inMonth(c, month))
      .sort((a, b) => a.regNumber.localeCompare(b.regNumber));
    const files = new Map<string, SstuAttachmentInfo>();
    for (const card of cards) {
      for (const a of attachments.list(card.id)) {
        files.set(a.id, { id: a.id, fileName: a.fileName, size: a.size });
      }
    }
    return { cards, files };
  }

  function departmentId(): string | null {
    return settings.value(DEPARTMENT);
  }

  return {
    departmentId,
    setDepartmentId(id: string | null) {
      settings.set(DEPARTMENT, id ?? '');
    },
    check(month: string) {
      const { cards, files } = monthCards(month);
      return {
        month,
        departmentId: departmentId() || null,
        ...sstuCheck(cards, month, files),
        today: localToday(ctx.now()),
      };
    },
    /** The file itself; every card in it gets an 'export' line in its audit trail. */
    async file(month: string, format: 'json' | 'xlsx', actor: Actor | null) {
      const department = departmentId();
      if (!department) {
        throw new OtklikError('validation', 'no ССТУ department id', [
          { path: 'departmentId', message: 'sstu_department' },
        ]);
      }
      const { cards, files } = monthCards(month);
      const input = {
        month,
        departmentId: department,
        cards,
        attachments: files,
        bytes: (id: string) => {
          try {
            return attachments.read(id).bytes;
          } catch {
            return null;
          }
        },
      };
      const data = format === 'json' ? sstuJson(sstuRecords(input)) : await sstuXlsx(input);
      const at = isoNow(ctx);
      const note = `ССТУ.РФ, ${month} (${format.toUpperCase()})`;
      db.transaction(() => {
        for (const c of cards)
          exported.run(c.id, at, actor?.userId ?? null, actor?.userName ?? null, note);
      })();
      return {
        fileName: `sstu-${month}.${format}`,
        data: data.toString('base64'),
        cards: cards.length,
      };
    },
  };
}

export const departmentIdSchema = z.uuid('invalid_uuid').nullable();

export type SstuReports = ReturnType<typeof createSstuReports>;
