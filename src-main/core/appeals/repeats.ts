import { repeatWindowStart, samePerson } from '../../../src-shared/domain/repeat';
import type { CoreContext } from '../context';

export interface RepeatQuery {
  visitorName: string | null;
  visitorPhone: string | null;
  visitorEmail: string | null;
  topicCodes: string[];
  registeredAt: string;
  /** The card being edited, which is not its own earlier appeal. */
  excludeId: string | null;
}

interface Candidate {
  id: string;
  reg_number: string;
  registered_at: string;
  visitor_name: string | null;
  visitor_phone: string | null;
  visitor_email: string | null;
  content: string;
  status: string;
  codes: string;
}

/**
 * Earlier cards this one may repeat (src-shared/domain/repeat.ts): the topic index narrows to
 * cards of the same classifier questions registered in the year before; names and contacts are
 * then compared here, since SQLite cannot fold Cyrillic case.
 */
export function findRepeatCandidates(ctx: CoreContext, q: RepeatQuery, limit = 5) {
  if (!q.visitorName?.trim() || q.topicCodes.length === 0) return [];
  const from = repeatWindowStart(q.registeredAt);
  const rows = ctx.db
    .prepare<unknown[], Candidate>(
      `SELECT a.id, a.reg_number, a.registered_at, a.visitor_name, a.visitor_phone,
              a.visitor_email, a.content, a.status, group_concat(t.code) AS codes
       FROM appeal_topics t JOIN appeals a ON a.id = t.appeal_id
       WHERE t.code IN (${q.topicCodes.map(() => '?').join(', ')})
         AND t.registered_at >= ? AND t.registered_at <= ?
         AND a.id IS NOT ?
       GROUP BY a.id
       ORDER BY a.registered_at DESC`,
    )
    .all(...q.topicCodes, from, q.registeredAt, q.excludeId);
  return rows
    .filter((r) =>
      samePerson(q, {
        visitorName: r.visitor_name,
        visitorPhone: r.visitor_phone,
        visitorEmail: r.visitor_email,
      }),
    )
    .slice(0, limit)
    .map((r) => ({
      id: r.id,
      regNumber: r.reg_number,
      registeredAt: r.registered_at,
      content: r.content.slice(0, 300),
      status: r.status,
      sharedCodes: r.codes.split(','),
    }));
}
