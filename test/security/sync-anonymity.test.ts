import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appealInput } from '../helpers/appeal-input';
import {
  CENTRAL_RESPONSE_COLUMNS,
  enroll,
  ok,
  officialOf,
  everyRow,
  logCapture,
  type Desk,
} from '../helpers/central';
import { answerOnKiosk } from '../helpers/core-calls';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';

/**
 * Point 1: nothing the central stores or logs about a survey response pairs it with a card, a
 * desk session or a moment finer than its date. A desk registers a card, a visitor answers on
 * the kiosk right after; this test then walks every table of the central and every log line
 * the sync wrote, and every request the desk sent.
 */
const pg = postgresForTests();
const scope = testScope();

interface Sent {
  path: string;
  body: Record<string, unknown> | null;
}

/** Every request the desk sends, its body read as the central reads it (gzipped or not). */
function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const raw = init?.body;
    const text =
      typeof raw === 'string'
        ? raw
        : raw instanceof Uint8Array && new Headers(init?.headers).get('content-encoding') === 'gzip'
          ? gunzipSync(raw).toString('utf8')
          : null;
    if (raw != null && text === null) throw new Error(`unexpected body on ${url.pathname}`);
    sent.push({
      path: url.pathname,
      body: text === null ? null : (JSON.parse(text) as Record<string, unknown>),
    });
    return fetch(input, init);
  };
}

function campaignOn(d: Desk): string {
  const template = d.services.templates.list().find((t) => t.builtinKey?.includes('003'))!;
  return ok<{ id: string }>(
    d.dispatch('surveys.saveCampaign', {
      templateId: template.id,
      title: 'Опрос после приема',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
      serviceIds: [],
      channels: ['kiosk'],
      active: true,
    }),
  ).id;
}

const answer = answerOnKiosk;

const localResponseIds = (d: Desk) =>
  d.db.prepare('SELECT id FROM survey_responses ORDER BY id').pluck().all() as string[];

describe.each(pg.backends)('survey anonymity at the central on %s', (backend) => {
  it('keeps responses apart from cards, devices, sequences, times and logs', async () => {
    const { lines, stream } = logCapture();
    const c = await scope.central({
      databaseUrl: pg.databaseUrl(backend),
      logger: { level: 'info', stream },
    });
    const sent: Sent[] = [];
    // The batching of the product (5 responses), not the tests' default of 1.
    const d = scope.desk({ sync: { fetch: recordingFetch(sent), responseBatchMin: 5 } });
    await enroll(c, d);
    const deviceId = d.services.credentials.load()!.deviceId;
    const official = officialOf(d);
    const campaign = campaignOn(d);

    // A card, and a visitor answering right after it: nothing goes up with the card.
    ok(d.dispatch('appeals.create', { data: appealInput(official) }));
    answer(d, campaign);
    answer(d, campaign);
    await d.services.sync.syncNow();
    expect(
      Number(
        (
          await c.central.db
            .selectFrom('responses')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
    expect(d.services.sync.status().pending.responses).toBe(2);
    // Three more: five are waiting, and they travel, in a request of their own.
    for (let i = 0; i < 3; i++) {
      ok(d.dispatch('appeals.create', { data: appealInput(official) }));
      answer(d, campaign);
    }
    await d.services.sync.syncNow();
    expect(d.services.sync.status().pending.responses).toBe(0);

    const ids = localResponseIds(d);
    expect(ids).toHaveLength(5);
    // Requests: card changes and responses never share one.
    for (const s of sent) {
      if (s.path === '/v1/push') expect(s.body).not.toHaveProperty('responses');
      if (s.path === '/v1/responses' && s.body) {
        expect(s.body).not.toHaveProperty('changes');
        expect((s.body!.responses as unknown[]).length).toBeGreaterThanOrEqual(5);
      }
    }
    expect(sent.filter((s) => s.path === '/v1/responses' && s.body)).toHaveLength(1);

    // Tables: a response id appears in `responses` only, never beside the device, a card
    // or anything that looks like a time finer than a date.
    const rows = await everyRow(c);
    for (const [table, list] of Object.entries(rows)) {
      for (const row of list) {
        const text = JSON.stringify(row);
        const holds = ids.some((id) => text.includes(id));
        if (table !== 'responses') {
          expect(holds, `${table} holds a response id`).toBe(false);
          continue;
        }
        expect(text).not.toContain(deviceId);
        expect(Object.keys(row).sort()).toEqual(CENTRAL_RESPONSE_COLUMNS);
        expect(String(row.response_date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(rows.change_log!.some((r) => r.type === 'response')).toBe(false);
    // The feed numbers of one batch are consecutive, handed out in random order: nothing
    // beside the cards' sequence.
    const feed = rows.responses!.map((r) => Number(r.feed_seq)).sort((a, b) => a - b);
    expect(feed).toEqual([1, 2, 3, 4, 5]);

    // Logs: the response requests left no line at all; nothing logged holds a response id.
    const log = lines.join('');
    expect(log).toContain('/v1/push'); // the logger was on
    expect(log).not.toContain('/v1/responses');
    for (const id of ids) expect(log).not.toContain(id);

    // A second desk of the office still gets them for its reports.
    const other = scope.desk({ sync: { responseBatchMin: 5 } });
    await enroll(c, other);
    await other.services.sync.syncNow();
    expect(localResponseIds(other)).toEqual(ids);
  });
});

describe('responses held on the desk', () => {
  it('a leftover of an earlier day goes at a random hour of the next day, not sooner', async () => {
    const c = await scope.central();
    let now = new Date('2026-11-26T09:00:00');
    const d = scope.desk({ now: () => now, sync: { responseBatchMin: 5 } });
    await enroll(c, d);
    answer(d, campaignOn(d));
    await d.services.sync.syncNow();
    expect(d.services.sync.status().pending.responses).toBe(1);
    now = new Date('2026-11-26T23:59:00'); // the same day: still held
    await d.services.sync.syncNow();
    expect(d.services.sync.status().pending.responses).toBe(1);
    now = new Date('2026-11-27T07:59:00'); // next day, before any drawn hour (08:00–20:00)
    await d.services.sync.syncNow();
    expect(d.services.sync.status().pending.responses).toBe(1);
    const drawn = d.services.settings.value('sync_responses_flush')!;
    expect(drawn).toMatch(/^2026-11-27T(0[89]|1\d):\d\d$/);
    now = new Date('2026-11-27T20:01:00'); // past any drawn hour
    await d.services.sync.syncNow();
    expect(d.services.sync.status().pending.responses).toBe(0);
  });

  it('a kiosk answer does not start a sync', async () => {
    const d = scope.desk();
    let notified = 0;
    const original = d.services.sync.notifyChange;
    d.services.sync.notifyChange = () => {
      notified++;
      original();
    };
    answer(d, campaignOn(d));
    expect(notified).toBe(0);
  });
});
