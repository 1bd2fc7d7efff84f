import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { FINAL_STATUSES } from '../../src-shared/domain/enums';
import { rollupOf, type RollupCard } from '../../src-shared/reports/rollup';
import { countKeys } from '../../src-shared/reports/survey-compute';
import type { AppealTable, ServerDatabase } from './schema';

/**
 * The central's report roll-ups (migration 0070-report-rollups, docs/metrics.md «Where it is
 * computed»): per office and registration day, the counts the appeal metrics sum
 * (src-shared/reports/rollup.ts, the desk's own rule), and per office and month the answers
 * the survey results tally. Every write of cards or responses keeps them in step in its own
 * transaction; a quarter of the region is then a few thousand rows, not 250,000 cards.
 */

/** Rows per multi-row statement (well under both databases' parameter limits). */
const CHUNK = 400;

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A card as the central stores it (the columns of `appeals` the roll-ups count). */
export type StoredCard = Omit<
  AppealTable,
  'id' | 'desk_code' | 'reg_number' | 'data' | 'clocks' | `agree_${0 | 1 | 2 | 3}`
>;

const rollupCard = (c: StoredCard): RollupCard => ({
  registered_at: c.registered_at,
  channel: c.channel ?? '',
  kind: c.kind ?? '',
  form: c.form ?? '',
  answer_mode: c.answer_mode,
  outcome: c.result,
  status: c.status ?? '',
  due_date: c.due_date,
  is_repeat: Number(c.is_repeat),
  is_collective: Number(c.is_collective),
  signatory_count: c.signatory_count,
  answer_date: c.answer_date || null,
});

/** A response as the survey roll-up counts it. */
export interface RollupResponse {
  templateId: string;
  campaignId: string | null;
  serviceId: string | null;
  channel: string;
  responseDate: string;
  answers: Record<string, unknown>;
}

/**
 * The changes one write makes to the roll-ups, summed by cell, then written in one pass (writes
 * are serialised: docs/sync.md «Central server»).
 */
export class RollupDelta {
  private appeals = new Map<string, Cell<AppealKey>>();
  private topics = new Map<string, Cell<[string, string, string]>>();
  private answers = new Map<string, Cell<[string, string, string, number]>>();
  private survey = new Map<string, Cell<SurveyKey>>();

  /** Counts a card in (+1) or out (-1, with the values it was stored with). */
  card(card: StoredCard, topics: readonly string[], sign: 1 | -1) {
    const { day, appeal: a, groups, answer } = rollupOf(rollupCard(card), topics);
    const key: AppealKey = [
      card.office_id,
      day,
      a.channel,
      a.kind,
      a.form,
      a.answer_mode,
      a.result,
      a.final,
      a.due_date,
      a.repeat,
      a.collective,
    ];
    bump(this.appeals, key, sign, sign * a.signatories);
    for (const code of groups) bump(this.topics, [card.office_id, day, code], sign);
    if (answer) {
      bump(
        this.answers,
        [card.office_id, answer.answer_date, answer.registered, answer.in_time],
        sign,
      );
    }
  }

  /** Counts stored responses in (`n` alike; responses are never edited or removed). */
  response(officeId: string, r: RollupResponse, n = 1) {
    const base = [
      officeId,
      r.templateId,
      r.responseDate.slice(0, 7),
      r.campaignId ?? '',
      r.serviceId ?? '',
      r.channel,
    ] as const;
    const prefix = base.join('\u0001');
    for (const [key, value] of countKeys(r.answers)) {
      const cell = JSON.stringify([key, value]);
      const id = `${prefix}\u0001${cell}`;
      const found = this.survey.get(id);
      if (found) found.n += n;
      else this.survey.set(id, { key: [...base, cell], n, signatories: 0 });
    }
  }

  async write(tx: Db) {
    // No lock order to keep: the central's writes run one at a time (write-lock.ts).
    const live = <K>(m: Map<string, Cell<K>>) =>
      [...m.values()].filter((v) => v.n !== 0 || v.signatories !== 0);
    for (const part of chunks(live(this.appeals))) {
      await tx
        .insertInto('report_appeals')
        .values(
          part.map(({ key: k, n, signatories }) => ({
            office_id: k[0],
            day: k[1],
            channel: k[2],
            kind: k[3],
            form: k[4],
            answer_mode: k[5],
            result: k[6],
            final: k[7],
            due_date: k[8],
            repeat: k[9],
            collective: k[10],
            n,
            signatories,
          })),
        )
        .onConflict((oc) =>
          oc.columns(APPEAL_KEY).doUpdateSet({
            n: sql`report_appeals.n + excluded.n`,
            signatories: sql`report_appeals.signatories + excluded.signatories`,
          }),
        )
        .execute();
    }
    for (const part of chunks(live(this.topics))) {
      await tx
        .insertInto('report_topics')
        .values(part.map(({ key: k, n }) => ({ office_id: k[0], day: k[1], code: k[2], n })))
        .onConflict((oc) =>
          oc.columns(['day', 'office_id', 'code']).doUpdateSet({
            n: sql`report_topics.n + excluded.n`,
          }),
        )
        .execute();
    }
    for (const part of chunks(live(this.answers))) {
      await tx
        .insertInto('report_answers')
        .values(
          part.map(({ key: k, n }) => ({
            office_id: k[0],
            answer_date: k[1],
            registered: k[2],
            in_time: k[3],
            n,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['answer_date', 'office_id', 'registered', 'in_time']).doUpdateSet({
            n: sql`report_answers.n + excluded.n`,
          }),
        )
        .execute();
    }
    for (const part of chunks(live(this.survey))) {
      await tx
        .insertInto('report_survey')
        .values(
          part.map(({ key: k, n }) => {
            const [key, value] = JSON.parse(k[6]) as [string, string];
            return {
              office_id: k[0],
              template_id: k[1],
              month: k[2],
              campaign_id: k[3],
              service_id: k[4],
              channel: k[5],
              // A comment or a matrix row's name can be any length: the key holds its hash
              // (PostgreSQL refuses index entries over ~2.7 kB; a long comment must not stop
              // an office's pushes).
              cell: createHash('sha256').update(k[6]).digest('base64url'),
              key,
              value,
              n,
            };
          }),
        )
        .onConflict((oc) =>
          oc.columns(SURVEY_KEY).doUpdateSet({ n: sql`report_survey.n + excluded.n` }),
        )
        .execute();
    }
    // Cells a card left are removed, not kept at zero (days touched only).
    const days = [...new Set([...this.appeals.values()].map((v) => v.key[1]))];
    for (const part of chunks(days)) {
      await tx
        .deleteFrom('report_appeals')
        .where('day', 'in', part)
        .where('n', '=', 0)
        .where('signatories', '=', 0)
        .execute();
      await tx.deleteFrom('report_topics').where('day', 'in', part).where('n', '=', 0).execute();
    }
    const answerDays = [...new Set([...this.answers.values()].map((v) => v.key[1]))];
    for (const part of chunks(answerDays)) {
      await tx
        .deleteFrom('report_answers')
        .where('answer_date', 'in', part)
        .where('n', '=', 0)
        .execute();
    }
  }
}

type AppealKey = [
  office: string,
  day: string,
  channel: string,
  kind: string,
  form: string,
  answerMode: string,
  result: string,
  final: number,
  dueDate: string,
  repeat: number,
  collective: number,
];
/** office, questionnaire, month, campaign, service, channel, JSON of [key, value] */
type SurveyKey = [string, string, string, string, string, string, string];

/** The primary keys, in the order the reports read them (a period first). */
const APPEAL_KEY = [
  'day',
  'office_id',
  'channel',
  'kind',
  'form',
  'answer_mode',
  'result',
  'final',
  'due_date',
  'repeat',
  'collective',
] as const;
const SURVEY_KEY = [
  'template_id',
  'month',
  'office_id',
  'campaign_id',
  'service_id',
  'channel',
  'cell',
] as const;

interface Cell<K> {
  key: K;
  n: number;
  signatories: number;
}

function bump<K extends readonly (string | number)[]>(
  m: Map<string, Cell<K>>,
  key: K,
  n: number,
  signatories = 0,
) {
  // A separator no key column holds (every one is checked text: dates, codes, enums, ids).
  const id = key.join('\u0001');
  const cell = m.get(id);
  if (cell) {
    cell.n += n;
    cell.signatories += signatories;
  } else m.set(id, { key, n, signatories });
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Builds every roll-up anew from the stored cards and responses (the migration, and the bench
 * after it seeds a region straight into `appeals`): the same rule as {@link RollupDelta}, in
 * SQL over the whole table for the cards, through `countKeys` for each distinct answer set.
 */
export async function rebuildRollups(db: Db) {
  for (const t of ['report_appeals', 'report_topics', 'report_answers', 'report_survey'] as const) {
    await db.deleteFrom(t).execute();
  }
  const final = sql.join(FINAL_STATUSES.map((s) => sql`${s}`));
  await sql`
    INSERT INTO report_appeals (day, office_id, channel, kind, form, answer_mode, result, final,
      due_date, repeat, collective, n, signatories)
    SELECT substr(registered_at, 1, 10), office_id, coalesce(channel, ''), coalesce(kind, ''),
      coalesce(form, ''), coalesce(answer_mode, ''), coalesce(result, ''),
      CASE WHEN status IN (${final}) THEN 1 ELSE 0 END,
      CASE WHEN status IN (${final}) THEN '' ELSE coalesce(due_date, '') END,
      coalesce(is_repeat, 0), coalesce(is_collective, 0), count(*),
      sum(CASE WHEN is_collective = 1 THEN coalesce(signatory_count, 0) ELSE 0 END)
    FROM appeals
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`.execute(db);
  await sql`
    INSERT INTO report_topics (day, office_id, code, n)
    SELECT day, office_id, code, count(*) FROM (
      SELECT DISTINCT appeal_id, substr(registered_at, 1, 10) AS day, office_id, code FROM (
        SELECT appeal_id, registered_at, office_id, '*' AS code FROM appeal_topics
        UNION ALL
        SELECT appeal_id, registered_at, office_id, substr(code, 1, 4) || '.0000.0000.0000'
        FROM appeal_topics
        UNION ALL
        SELECT appeal_id, registered_at, office_id, substr(code, 1, 9) || '.0000.0000'
        FROM appeal_topics WHERE substr(code, 6, 4) <> '0000'
      ) g
    ) d
    GROUP BY 1, 2, 3`.execute(db);
  await sql`
    INSERT INTO report_answers (answer_date, office_id, registered, in_time, n)
    SELECT answer_date, office_id, substr(registered_at, 1, 10),
      CASE WHEN due_date IS NULL OR answer_date <= due_date THEN 1 ELSE 0 END, count(*)
    FROM appeals WHERE answer_date IS NOT NULL AND answer_date <> ''
    GROUP BY 1, 2, 3, 4`.execute(db);
  // Responses: each distinct answer set of a cell is parsed once.
  const delta = new RollupDelta();
  const sets = await sql<{
    office_id: string;
    template_id: string;
    response_date: string;
    campaign_id: string | null;
    service_id: string | null;
    channel: string;
    answers: string;
    n: number | string;
  }>`
    SELECT office_id, template_id, substr(response_date, 1, 7) || '-01' AS response_date,
      campaign_id, service_id, channel, answers, count(*) AS n
    FROM responses GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  for (const s of sets.rows) {
    const r: RollupResponse = {
      templateId: s.template_id,
      campaignId: s.campaign_id,
      serviceId: s.service_id,
      channel: s.channel,
      responseDate: s.response_date,
      answers: JSON.parse(s.answers) as Record<string, unknown>,
    };
    delta.response(s.office_id, r, Number(s.n));
  }
  await delta.write(db);
}
