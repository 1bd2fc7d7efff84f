import { randomInt, randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { localToday } from '../../src-shared/domain/dates';
import { campaignPhase } from '../../src-shared/surveys/campaign-rules';
import { finalizeAnswers, serviceAnswer } from '../../src-shared/surveys/answers';
import {
  ONLINE_LIMITS,
  ONLINE_SLUG_ALPHABET,
  type OnlinePage,
  type OnlinePublish,
  type OnlineState,
  type OnlineSubmit,
  type OnlineSurvey,
} from '../../src-shared/surveys/online';
import type { Reference } from '../../src-shared/sync/protocol';
import type { ResponseRecord } from '../../src-shared/sync/records';
import type { ServerDatabase } from '../db/schema';
import { storeReference } from './central-edits';
import { badRequest, HttpError } from './errors';
import { chunks } from './push';
import { storeResponses } from './responses';
import type { CampaignRef, SurveyReports } from './survey-reports';
import type { Db, Writer } from './write-lock';

type Tx = Transaction<ServerDatabase>;

const DAYS_SHOWN = 14;
/** Leftovers of an earlier day go at a random minute of the next one, 08:00–20:00. */
const RELEASE_FROM = 8 * 60;
const RELEASE_SPAN = 12 * 60;

export interface OnlineDeps {
  db: Db;
  write: Writer;
  surveys: SurveyReports;
  now: () => Date;
  /** The survey pages' public origin (OTKLIK_PUBLIC_URL); null: the console's own origin. */
  publicUrl: string | null;
}

function newSlug(): string {
  let slug = '';
  for (let i = 0; i < 12; i++) slug += ONLINE_SLUG_ALPHABET[randomInt(ONLINE_SLUG_ALPHABET.length)];
  return slug;
}

/**
 * Online surveys (issue 18, docs/online-surveys.md): the console publishes a campaign's
 * questionnaire at /s/<slug>; visitors answer with nothing of theirs kept (docs/anonymity.md).
 * An answer is checked by the rules the desks use (src-shared), then waits in `online_pending`
 * until its office has a batch of five (or, for a day's leftovers, a random minute of the next
 * day) and joins the office's responses in random order — the same way a desk's batch does.
 */
export function createOnlineSurveys(d: OnlineDeps) {
  const today = () => localToday(d.now());
  let releaseMinute = { day: '', minute: 0 };

  const campaign = (id: string) => d.surveys.campaign(id);
  /** The services a campaign asks about: those it names, or every active one. */
  async function services(c: CampaignRef) {
    const all = await d.surveys.services();
    return c.serviceIds.length > 0
      ? all.filter((s) => c.serviceIds.includes(s.id))
      : all.filter((s) => s.active);
  }

  /** The offices a region's survey lets the visitor name: those of its desks, or all. */
  async function officesOf(db: Db | Tx, c: CampaignRef) {
    let q = db.selectFrom('offices').select(['id', 'code', 'name']).orderBy('name');
    if (c.deskCodes.length > 0) {
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('desk_codes').select('office_id').where('code', 'in', c.deskCodes),
      );
    }
    return q.execute();
  }

  /** The survey's state: its own close, then its campaign's phase (src-shared's rule). */
  function stateOf(closedAt: string | null, c: CampaignRef | null, day: string): OnlineState {
    if (closedAt || !c || !c.channels.includes('online')) return 'closed';
    const phase = campaignPhase(c, day);
    return phase === 'running' ? 'open' : phase === 'off' ? 'closed' : phase;
  }

  function reference(row: {
    id: string;
    campaign_id: string;
    slug: string;
    public_base: string;
    closed_at: string | null;
    office_code: string | null;
  }): Reference {
    return {
      entity: 'online',
      data: {
        id: row.id,
        campaignId: row.campaign_id,
        officeCode: row.office_code,
        url: `${row.public_base}/s/${row.slug}`,
        open: row.closed_at === null,
      },
    };
  }

  /** A survey with its office's code and name, by its address or its id. */
  async function surveyBy(db: Db | Tx, key: 's.slug' | 's.id', value: string) {
    return db
      .selectFrom('online_surveys as s')
      .leftJoin('offices as o', 'o.id', 's.office_id')
      .select([
        's.id',
        's.slug',
        's.campaign_id',
        's.office_id',
        's.service_id',
        's.closing_text',
        's.public_base',
        's.closed_at',
        'o.code as office_code',
        'o.name as office_name',
      ])
      .where(key, '=', value)
      .executeTakeFirst();
  }
  const bySlug = (db: Db | Tx, slug: string) => surveyBy(db, 's.slug', slug);

  async function countDay(
    tx: Tx,
    surveyId: string,
    day: string,
    accepted: number,
    refused: number,
  ) {
    await tx
      .insertInto('online_daily')
      .values({ survey_id: surveyId, day, accepted, refused })
      .onConflict((oc) =>
        oc.columns(['survey_id', 'day']).doUpdateSet({
          accepted: sql`online_daily.accepted + ${accepted}`,
          refused: sql`online_daily.refused + ${refused}`,
        }),
      )
      .execute();
  }

  /**
   * Moves an office's waiting answers into its responses, shuffled, as one batch. They were
   * checked when they came, so none should be refused; one that is (a defect) stays waiting,
   * counted in the console's «ждут партии», and never holds the others back.
   */
  async function release(tx: Tx, officeId: string): Promise<number> {
    const rows = await tx
      .selectFrom('online_pending')
      .select(['id', 'record'])
      .where('office_id', '=', officeId)
      .execute();
    if (rows.length === 0) return 0;
    const result = await storeResponses(
      tx,
      officeId,
      rows.map((r) => JSON.parse(r.record) as ResponseRecord),
    );
    const kept = new Set(result.refused.map((r) => r.index));
    const done = rows.filter((_, i) => !kept.has(i)).map((r) => r.id);
    for (const part of chunks(done)) {
      await tx.deleteFrom('online_pending').where('id', 'in', part).execute();
    }
    return done.length;
  }

  /**
   * The response an answer makes, or why it is refused: the rules the desks apply (campaign,
   * questionnaire, services), read before the write (on SQLite the write holds the connection).
   */
  async function check(
    row: NonNullable<Awaited<ReturnType<typeof bySlug>>>,
    body: OnlineSubmit,
    day: string,
    answered: (campaignId: string) => boolean,
  ): Promise<
    { record: ResponseRecord; officeId: string; endsOn: string } | { refusal: HttpError }
  > {
    if (answered(row.campaign_id)) {
      return {
        refusal: new HttpError(
          409,
          'already_answered',
          'Вы уже ответили на этот опрос с этого устройства. Спасибо!',
        ),
      };
    }
    const c = await campaign(row.campaign_id);
    if (stateOf(row.closed_at, c, day) !== 'open' || !c) {
      return {
        refusal: new HttpError(409, 'closed', 'Опрос завершён: ответы больше не принимаются.'),
      };
    }
    let officeId = row.office_id;
    let officeCode = row.office_code;
    if (!officeId) {
      const office = (await officesOf(d.db, c)).find((o) => o.code === body.officeCode);
      if (!office) {
        return {
          refusal: badRequest('Выберите орган, в котором вас обслуживали.', [
            { path: 'officeCode', message: 'required' },
          ]),
        };
      }
      officeId = office.id;
      officeCode = office.code;
    }
    const template = await d.surveys.template(c.templateId);
    const allowed = (await services(c))
      .map((s) => s.id)
      .filter((id) => !row.service_id || id === row.service_id);
    const checked = finalizeAnswers(template.definition, body.answers, allowed);
    if (!checked.ok) {
      return {
        refusal: badRequest(
          'Анкета заполнена не полностью или неверно.',
          checked.issues.slice(0, 50),
        ),
      };
    }
    const serviceId = row.service_id ?? serviceAnswer(template.definition, checked.answers);
    if (body.serviceId !== null && body.serviceId !== serviceId) {
      return {
        refusal: badRequest('Эта услуга не входит в опрос.', [
          { path: 'serviceId', message: 'unknown_reference' },
        ]),
      };
    }
    return {
      officeId,
      endsOn: c.endsOn,
      record: {
        id: randomUUID(),
        templateId: template.id,
        campaignId: c.id,
        serviceId,
        channel: 'online',
        office: officeCode!,
        responseDate: day,
        complete: true,
        answers: checked.answers,
      },
    };
  }

  return {
    async publish(input: OnlinePublish, origin: string): Promise<{ id: string; slug: string }> {
      const base = (d.publicUrl ?? origin).replace(/\/+$/, '');
      // Checked before the write: on SQLite the write holds the one connection.
      const c = await campaign(input.campaignId);
      if (!c) throw new HttpError(404, 'not_found', 'Такого опроса центр не знает.');
      if (!c.channels.includes('online')) {
        throw badRequest('Опрос не проводится онлайн: отметьте канал «Онлайн» в его настройках.', [
          { path: 'campaignId', message: 'campaign_channel' },
        ]);
      }
      await d.surveys.template(c.templateId); // 404 in Russian when unknown
      let officeId: string | null = null;
      if (input.officeCode) {
        const office = await d.db
          .selectFrom('offices')
          .select('id')
          .where('code', '=', input.officeCode)
          .executeTakeFirst();
        if (!office) throw badRequest(`Нет органа с кодом ${input.officeCode}.`);
        officeId = office.id;
      }
      if (input.serviceId && !(await services(c)).some((s) => s.id === input.serviceId)) {
        throw badRequest('Эта услуга не входит в опрос.', [
          { path: 'serviceId', message: 'unknown_reference' },
        ]);
      }
      const row = {
        id: randomUUID(),
        slug: newSlug(),
        campaign_id: c.id,
        office_id: officeId,
        service_id: input.serviceId,
        closing_text: input.closingText || null,
        public_base: base,
        created_at: d.now().toISOString(),
        closed_at: null,
      };
      await d.write(async (tx) => {
        await tx.insertInto('online_surveys').values(row).execute();
        await storeReference(
          tx,
          reference({ ...row, office_code: input.officeCode ?? null }),
          false,
        );
      });
      return { id: row.id, slug: row.slug };
    },

    /** Closes (or opens again) a survey; its page then says so politely. */
    async setClosed(id: string, closed: boolean): Promise<void> {
      await d.write(async (tx) => {
        const row = await surveyBy(tx, 's.id', id);
        if (!row) throw new HttpError(404, 'not_found', 'Такой онлайн-анкеты нет.');
        const closedAt = closed ? (row.closed_at ?? d.now().toISOString()) : null;
        await tx
          .updateTable('online_surveys')
          .set({ closed_at: closedAt })
          .where('id', '=', id)
          .execute();
        await storeReference(tx, reference({ ...row, closed_at: closedAt }), true);
      });
    },

    async list(): Promise<OnlineSurvey[]> {
      const rows = await d.db
        .selectFrom('online_surveys as s')
        .leftJoin('offices as o', 'o.id', 's.office_id')
        .selectAll('s')
        .select(['o.code as office_code', 'o.name as office_name'])
        .orderBy('s.created_at', 'desc')
        .execute();
      const day = today();
      const since = localToday(new Date(d.now().getTime() - (DAYS_SHOWN - 1) * 86_400_000));
      const daily = await d.db
        .selectFrom('online_daily')
        .selectAll()
        .where('day', '>=', since)
        .orderBy('day', 'desc')
        .execute();
      const pending = await d.db
        .selectFrom('online_pending')
        .select(['office_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('office_id')
        .execute();
      const waiting = new Map(pending.map((p) => [p.office_id, Number(p.n)]));
      const titles = new Map((await d.surveys.templates()).map((t) => [t.id, t.title]));
      const out: OnlineSurvey[] = [];
      for (const r of rows) {
        const c = await campaign(r.campaign_id);
        out.push({
          id: r.id,
          slug: r.slug,
          url: `${r.public_base}/s/${r.slug}`,
          campaignId: r.campaign_id,
          campaignTitle: c?.title ?? '—',
          templateTitle: (c && titles.get(c.templateId)) ?? '—',
          officeCode: r.office_code,
          officeName: r.office_name,
          serviceId: r.service_id,
          closingText: r.closing_text,
          state: stateOf(r.closed_at, c, day),
          createdAt: r.created_at,
          closedAt: r.closed_at,
          days: daily
            .filter((x) => x.survey_id === r.id)
            .map((x) => ({ day: x.day, accepted: Number(x.accepted), refused: Number(x.refused) })),
          // A region's survey: the answers waiting across its offices are not told apart.
          pending: r.office_id ? (waiting.get(r.office_id) ?? 0) : 0,
        });
      }
      return out;
    },

    /** The public address of a survey, for its QR code; null when there is none. */
    async address(slug: string): Promise<string | null> {
      const row = await bySlug(d.db, slug);
      return row ? `${row.public_base}/s/${row.slug}` : null;
    },

    /** What the visitor's page shows; a closed survey gives only its polite page. */
    async page(slug: string): Promise<OnlinePage | null> {
      const row = await bySlug(d.db, slug);
      if (!row) return null;
      const c = await campaign(row.campaign_id);
      const state = stateOf(row.closed_at, c, today());
      const base = {
        state,
        title: c?.title ?? '',
        campaignId: row.campaign_id,
        officeName: row.office_name,
        closingText: row.closing_text,
        startsOn: c?.startsOn ?? '',
        endsOn: c?.endsOn ?? '',
      };
      if (state !== 'open' || !c) {
        return { ...base, definition: null, services: [], offices: null };
      }
      const template = await d.surveys.template(c.templateId);
      const all = await services(c);
      return {
        ...base,
        title: template.definition.title,
        definition: template.definition,
        services: (row.service_id ? all.filter((s) => s.id === row.service_id) : all).map((s) => ({
          id: s.id,
          title: s.title,
        })),
        offices: row.office_id
          ? null
          : (await officesOf(d.db, c)).map((o) => ({ code: o.code, name: o.name })),
      };
    },

    /**
     * One visitor's answers. Checked as a kiosk's are (src-shared), stored with the date only,
     * and counted for the day (refusals too); nothing of the request is kept. `answered` says
     * whether this browser carries the campaign's "answered" mark. Gives what the mark needs.
     */
    async submit(
      slug: string,
      body: OnlineSubmit,
      answered: (campaignId: string) => boolean,
    ): Promise<{ campaignId: string; endsOn: string }> {
      const day = today();
      const row = await bySlug(d.db, slug);
      if (!row) throw new HttpError(404, 'not_found', 'Такой анкеты нет: проверьте адрес.');
      const checked = await check(row, body, day, answered);
      if ('refusal' in checked) {
        await d.write((tx) => countDay(tx, row.id, day, 0, 1));
        throw checked.refusal;
      }
      const { record, officeId } = checked;
      await d.write(async (tx) => {
        await tx
          .insertInto('online_pending')
          .values({
            id: record.id,
            office_id: officeId,
            record: JSON.stringify(record),
            response_date: day,
          })
          .execute();
        await countDay(tx, row.id, day, 1, 0);
        const waiting = await tx
          .selectFrom('online_pending')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('office_id', '=', officeId)
          .executeTakeFirst();
        if (Number(waiting?.n ?? 0) >= ONLINE_LIMITS.releaseBatch) await release(tx, officeId);
      });
      return { campaignId: row.campaign_id, endsOn: checked.endsOn };
    },

    /**
     * Releases the answers of offices that have some from an earlier day, once today's random
     * minute has come (a quiet office's single answer is not released the morning after it was
     * given at a moment one could guess). Run every few minutes; returns how many it released.
     */
    async releaseLeftovers(): Promise<number> {
      const now = d.now();
      const day = localToday(now);
      if (releaseMinute.day !== day) {
        releaseMinute = { day, minute: RELEASE_FROM + randomInt(RELEASE_SPAN) };
      }
      if (now.getHours() * 60 + now.getMinutes() < releaseMinute.minute) return 0;
      const offices = await d.db
        .selectFrom('online_pending')
        .select('office_id')
        .where('response_date', '<', day)
        .distinct()
        .execute();
      let released = 0;
      for (const o of offices) released += await d.write((tx) => release(tx, o.office_id));
      return released;
    },
  };
}

export type OnlineSurveys = ReturnType<typeof createOnlineSurveys>;
