import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';
import { quarterPeriod } from '../../src-shared/reports/period';
import type { SurveyResults } from '../../src-shared/reports/survey-results';
import {
  answeredCookie,
  onlinePageSchema,
  onlineSurveySchema,
  type OnlineSurvey,
} from '../../src-shared/surveys/online';
import { pullResponseSchema, responsesPullSchema } from '../../src-shared/sync/protocol';
import { enroll, ok } from '../helpers/central';
import { consoleAs } from '../helpers/console-client';
import { createOnlineSurveys } from '../../src-server/domain/online';
import { createSurveyReports } from '../../src-server/domain/survey-reports';
import { createWriter } from '../../src-server/domain/write-lock';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';
import { builtinTemplateId, SEED_003 } from '../helpers/online';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-core';

const pg = postgresForTests();
const scope = testScope();

/** Seed 003 answered along its first path (q4 = portal, q7 = provided: q5 and q8 hidden). */
const ANSWERS = {
  q2: ['gosuslugi'],
  q3: 5,
  q4: 'portal',
  q6: 'applied',
  q7: 'provided',
  q9: { application: 5, status_info: 4, documents: 3, speed: 5, electronic: 4 },
  q10: 'satisfied',
  q13: 'female',
};

/** Reads a PNG written by qrPng (8-bit grayscale, filter 0) back to RGBA for jsQR. */
function pngPixels(png: Buffer) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x]!;
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

async function setup(backend: 'sqlite' | 'postgres', app: Record<string, unknown> = {}) {
  const clock = { t: Date.parse('2026-04-20T09:00:00') };
  const c = await scope.central({
    databaseUrl: pg.databaseUrl(backend),
    app: { now: () => new Date(clock.t), publicUrl: 'https://opros.example.ru', ...app },
  });
  const { token } = await c.offices.createAdmin('Автоматизация');
  const key = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await c.offices.createOffice('MIN01', 'Министерство социальной политики');
  await c.offices.createOffice('MIN02', 'Министерство здравоохранения');
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${c.url}${path}`, {
      method: 'POST',
      headers: key,
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const campaign = async (over: Record<string, unknown> = {}) => {
    const r = await post('/v1/console/reference/campaign', {
      templateId: SEED_003,
      title: 'Оценка качества услуг 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      serviceIds: [],
      deskCodes: [],
      channels: ['kiosk', 'paper', 'online'],
      active: true,
      ...over,
    });
    expect(r.status).toBe(200);
    return r.body.id as string;
  };
  const publish = async (body: Record<string, unknown>) => {
    const r = await post('/v1/console/online', {
      officeCode: null,
      serviceId: null,
      closingText: null,
      ...body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { id: string; slug: string };
  };
  const list = async () => {
    const r = await fetch(`${c.url}/v1/console/online`, { headers: key });
    return onlineSurveySchema.array().parse(await r.json()) as OnlineSurvey[];
  };
  const answer = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${c.url}/v1/online/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async (table: 'responses' | 'online_pending') =>
    Number(
      (
        await c.central.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { c, clock, key, post, campaign, publish, list, answer, count };
}

describe.each(pg.backends)('online surveys on %s', (backend) => {
  it('publishes, takes answers once per browser, batches them in fives and closes politely', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { id, slug } = await s.publish({ campaignId, officeCode: 'min01' });
    expect(slug).toMatch(/^[a-km-z2-9]{12}$/);

    const page = onlinePageSchema.parse(await (await fetch(`${s.c.url}/v1/online/${slug}`)).json());
    expect(page.state).toBe('open');
    expect(page.definition?.title).toMatch(/удовлетворенности/i);
    expect(page.offices).toBeNull();
    expect(page.officeName).toBe('Министерство социальной политики');

    // One browser: answered once, then refused politely (it carries the mark the first gave).
    const first = await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null });
    expect(first.status).toBe(200);
    const mark = first.headers.get('set-cookie')!;
    expect(mark).toMatch(
      new RegExp(`^${answeredCookie(campaignId)}=1; Max-Age=\\d+; Path=/; HttpOnly; SameSite=Lax$`),
    );
    const again = await s.answer(
      slug,
      { answers: ANSWERS, serviceId: null, officeCode: null },
      { cookie: mark.split(';')[0]! },
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: 'already_answered',
      message: expect.stringMatching(/уже ответили/),
    });

    // Held until five wait for the office, then stored together.
    expect(await s.count('responses')).toBe(0);
    expect(await s.count('online_pending')).toBe(1);
    for (let i = 0; i < 4; i++) {
      const r = await s.answer(slug, {
        answers: { ...ANSWERS, q3: 1 + i },
        serviceId: null,
        officeCode: null,
      });
      expect(r.status).toBe(200);
    }
    expect(await s.count('online_pending')).toBe(0);
    const rows = await s.c.central.db.selectFrom('responses').selectAll().execute();
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r).toMatchObject({
        channel: 'online',
        office: 'MIN01',
        response_date: '2026-04-20',
        complete: 1,
      });
      expect(JSON.parse(r.answers)).not.toHaveProperty('q5'); // hidden by q4 = portal
    }

    // The console sees them: the day's count, and the region's results by channel.
    const [listed] = await s.list();
    expect(listed).toMatchObject({
      id,
      state: 'open',
      url: `https://opros.example.ru/s/${slug}`,
      pending: 0,
    });
    expect(listed!.days).toEqual([{ day: '2026-04-20', accepted: 5, refused: 1 }]);
    const Q2 = quarterPeriod(2026, 2);
    const results = (await (
      await fetch(
        `${s.c.url}/v1/admin/reports/surveys?templateId=${SEED_003}&from=${Q2.from}&to=${Q2.to}`,
        { headers: s.key },
      )
    ).json()) as SurveyResults;
    expect(results.responses).toBe(5);
    expect(results.byChannel).toEqual([
      { channel: 'kiosk', responses: 0 },
      { channel: 'paper', responses: 0 },
      { channel: 'online', responses: 5 },
    ]);

    // Closed: the page says so in the administrator's words, answers are refused.
    expect((await s.post(`/v1/console/online/${id}/close`, {})).status).toBe(200);
    await s.post('/v1/console/online', {}); // a bad request in between changes nothing
    const closed = onlinePageSchema.parse(
      await (await fetch(`${s.c.url}/v1/online/${slug}`)).json(),
    );
    expect(closed).toMatchObject({ state: 'closed', definition: null });
    const late = await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      error: 'closed',
      message: expect.stringMatching(/завершён/),
    });
    expect((await s.post(`/v1/console/online/${id}/open`, {})).status).toBe(200);
    expect(
      onlinePageSchema.parse(await (await fetch(`${s.c.url}/v1/online/${slug}`)).json()).state,
    ).toBe('open');

    // The campaign ends: the page turns to its closing text by itself.
    s.clock.t = Date.parse('2027-01-02T09:00:00');
    expect(
      onlinePageSchema.parse(await (await fetch(`${s.c.url}/v1/online/${slug}`)).json()).state,
    ).toBe('ended');
  });

  it('a region survey asks for the office; offices outside the campaign are refused', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, closingText: 'Опрос завершён, спасибо!' });
    const page = onlinePageSchema.parse(await (await fetch(`${s.c.url}/v1/online/${slug}`)).json());
    expect(page.offices?.map((o) => o.code).sort()).toEqual(['MIN01', 'MIN02']);
    const none = await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      message: 'Выберите орган, в котором вас обслуживали.',
    });
    const unknown = await s.answer(slug, {
      answers: ANSWERS,
      serviceId: null,
      officeCode: 'MIN99',
    });
    expect(unknown.status).toBe(400);
    for (let i = 0; i < 5; i++) {
      expect(
        (await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: 'MIN02' })).status,
      ).toBe(200);
    }
    const rows = await s.c.central.db
      .selectFrom('responses')
      .select(['office', 'office_id'])
      .execute();
    expect(rows.map((r) => r.office)).toEqual(['MIN02', 'MIN02', 'MIN02', 'MIN02', 'MIN02']);
  });

  it('refuses the worst bodies with Russian messages and keeps nothing of them', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    const cases: [unknown, number][] = [
      ['{"answers":', 400], // broken JSON
      [{ answers: { q3: 9 }, serviceId: null, officeCode: null }, 400], // off the scale
      [{ answers: { q99: 'x' }, serviceId: null, officeCode: null }, 400], // no such question
      [{ answers: { q3: 5 }, serviceId: null, officeCode: null, ip: '1.2.3.4' }, 400], // extra key
      [{ answers: { q3: '5; DROP TABLE responses' }, serviceId: null, officeCode: null }, 400],
      [{ answers: { q2: Array(101).fill('x') }, serviceId: null, officeCode: null }, 400],
      [{ answers: { ['__proto__']: 5 }, serviceId: null, officeCode: null }, 400],
      [
        { answers: { q3: 5 }, serviceId: '00000000-0000-4000-8000-000000000000', officeCode: null },
        400,
      ],
      [{ answers: { q16: 'x'.repeat(70_000) }, serviceId: null, officeCode: null }, 413], // over 64 KB
    ];
    for (const [body, status] of cases) {
      const r = await s.answer(slug, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(((await r.json()) as { message: string }).message).toMatch(/[а-я]/);
    }
    // A text body, and a slug that is no slug.
    expect((await s.answer(slug, 'q3=5', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${s.c.url}/v1/online/..%2f..%2fconsole`)).status).toBe(400);
    expect((await fetch(`${s.c.url}/v1/online/abcdefghijkm`)).status).toBe(404);
    expect(await s.count('online_pending')).toBe(0);
    expect(await s.count('responses')).toBe(0);
    // A campaign not offered online cannot be published; nor for an office that does not exist.
    const kioskOnly = await s.campaign({ channels: ['kiosk'] });
    expect(
      (
        await s.post('/v1/console/online', {
          campaignId: kioskOnly,
          officeCode: null,
          serviceId: null,
          closingText: null,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await s.post('/v1/console/online', {
          campaignId,
          officeCode: 'NOPE',
          serviceId: null,
          closingText: null,
        })
      ).status,
    ).toBe(400);
  });

  it('limits answers per address in memory, and a request never stalls the others', async () => {
    const s = await setup(backend, { onlineSubmitsPerAddress: 3 });
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // The page itself still opens (a different, looser limit).
    expect((await fetch(`${s.c.url}/v1/online/${slug}`)).status).toBe(200);
  });

  it('goes down to the office’s desks of protocol 4, and is left out for older desks', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    for (let i = 0; i < 5; i++) {
      expect(
        (await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null })).status,
      ).toBe(200);
    }
    const desk = scope.desk({ now: () => new Date('2026-04-20T10:00:00') });
    await enroll(s.c, desk, 'MIN01');
    const sync = await desk.services.sync.syncNow();
    expect(
      desk.db
        .prepare("SELECT count(*) FROM survey_responses WHERE channel = 'online'")
        .pluck()
        .get(),
    ).toBe(5);
    expect(desk.db.prepare('SELECT url, open FROM online_surveys').all()).toEqual([
      { url: `https://opros.example.ru/s/${slug}`, open: 1 },
    ]);
    const Q2 = quarterPeriod(2026, 2);
    const results = ok(
      desk.dispatch('reports.surveys', {
        templateId: SEED_003,
        period: Q2,
        campaignId: null,
        serviceId: null,
      }),
    ) as SurveyResults;
    expect(results.byChannel.find((b) => b.channel === 'online')?.responses).toBe(5);
    expect(sync.agreement?.agrees).toBe(true);

    // The printed form of seed 003 carries the address; the kiosk's thank-you screen shows the
    // general assessment's once the region publishes it online.
    expect(ok(desk.dispatch('surveys.onlineAddress', { id: SEED_003 }))).toEqual({
      url: `https://opros.example.ru/s/${slug}`,
    });
    const kiosk = () =>
      ok(desk.dispatch('kiosk.state', { channel: 'kiosk' })) as { thanksOnline: unknown };
    expect(kiosk().thanksOnline).toBeNull();
    const general = await s.campaign({
      templateId: builtinTemplateId('general-assessment'),
      title: 'Общая оценка',
    });
    const region = await s.publish({ campaignId: general });
    await desk.services.sync.syncNow();
    expect(kiosk().thanksOnline).toEqual({
      url: `https://opros.example.ru/s/${region.slug}`,
      title: expect.stringMatching(/[А-Я]/),
    });
    expect(
      (ok(desk.dispatch('kiosk.state', { channel: 'paper' })) as { thanksOnline: unknown })
        .thanksOnline,
    ).toBeNull();
    // Closed at the central: gone from the desk at the next sync.
    expect((await s.post(`/v1/console/online/${region.id}/close`, {})).status).toBe(200);
    await desk.services.sync.syncNow();
    expect(kiosk().thanksOnline).toBeNull();

    // A desk of protocol 3 asks as it always did: no online responses, no online reference,
    // campaigns without the channel it does not know.
    const token = desk.services.credentials.load()!.token;
    const auth = { authorization: `Bearer ${token}` };
    const old = responsesPullSchema.parse(
      await (await fetch(`${s.c.url}/v1/responses?after=0`, { headers: auth })).json(),
    );
    expect(old.items).toHaveLength(0);
    const refs = pullResponseSchema.parse(
      await (await fetch(`${s.c.url}/v1/pull?after=0&protocol=3`, { headers: auth })).json(),
    );
    expect(refs.items.some((i) => i.type === 'reference' && i.reference.entity === 'online')).toBe(
      false,
    );
    const campaignRef = refs.items.find(
      (i) => i.type === 'reference' && i.reference.entity === 'campaign',
    );
    expect(
      campaignRef && campaignRef.type === 'reference' && campaignRef.reference.data,
    ).toMatchObject({
      channels: ['kiosk', 'paper'],
    });
    const agreementOld = (await (
      await fetch(`${s.c.url}/v1/agreement`, { headers: auth })
    ).json()) as {
      parts: { entity: string; count: number }[];
    };
    expect(agreementOld.parts.filter((p) => p.entity === 'response')).toEqual([]);
  });

  it('a day’s leftovers join their office at a random minute of the next day, not sooner', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    for (let i = 0; i < 2; i++) {
      expect(
        (await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null })).status,
      ).toBe(200);
    }
    const online = createOnlineSurveys({
      db: s.c.central.db,
      write: createWriter(s.c.central),
      surveys: createSurveyReports(s.c.central.db),
      now: () => new Date(s.clock.t),
      publicUrl: null,
    });
    // The same day: they wait whatever the hour.
    s.clock.t = Date.parse('2026-04-20T23:59:00');
    expect(await online.releaseLeftovers()).toBe(0);
    // The next day before 08:00: still waiting; after 20:00, released, both at once.
    s.clock.t = Date.parse('2026-04-21T07:59:00');
    expect(await online.releaseLeftovers()).toBe(0);
    expect(await s.count('responses')).toBe(0);
    s.clock.t = Date.parse('2026-04-21T20:00:00');
    expect(await online.releaseLeftovers()).toBe(2);
    expect(await s.count('online_pending')).toBe(0);
    const rows = await s.c.central.db
      .selectFrom('responses')
      .select(['response_date', 'feed_seq'])
      .execute();
    expect(rows.map((r) => r.response_date)).toEqual(['2026-04-20', '2026-04-20']);
  });

  it('refuses the worst values at the console, the desks’ protocol fields and reference data', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const publish = (body: Record<string, unknown>) =>
      s.post('/v1/console/online', {
        campaignId,
        officeCode: 'MIN01',
        serviceId: null,
        closingText: null,
        ...body,
      });
    expect((await publish({ closingText: 'я'.repeat(1001) })).status).toBe(400);
    expect((await publish({ campaignId: 'not-a-uuid' })).status).toBe(400);
    expect((await publish({ officeCode: '../MIN01' })).status).toBe(400);
    expect((await publish({ serviceId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await publish({ extra: 1 })).status).toBe(400);
    const unknown = await publish({ campaignId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/не знает/);
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await s.post(`/v1/console/online/${none}/close`, {})).status).toBe(404);
    expect((await s.post('/v1/console/online/..%2f..%2fadmin/close', {})).status).toBe(400);
    expect(await s.list()).toEqual([]);

    // Roles: an analyst sees the surveys but cannot publish; an office's viewer sees neither.
    const account = async (login: string, role: string, office: string | null) => {
      const r = await s.post('/v1/console/accounts', { login, name: login, role, office });
      return consoleAs(s.c.url, login, r.body.password as string);
    };
    const analyst = await account('analyst1', 'analyst', null);
    expect((await analyst.get('/v1/console/online')).status).toBe(200);
    expect(
      (
        await analyst.post('/v1/console/online', {
          campaignId,
          officeCode: null,
          serviceId: null,
          closingText: null,
        })
      ).status,
    ).toBe(403);
    const viewer = await account('viewer1', 'office_viewer', 'MIN01');
    expect((await viewer.get('/v1/console/online')).status).toBe(403);

    // A desk's protocol field: only the versions the central speaks.
    const desk = scope.desk({ now: () => new Date('2026-04-20T10:00:00') });
    await enroll(s.c, desk, 'MIN01');
    const auth = { authorization: `Bearer ${desk.services.credentials.load()!.token}` };
    for (const path of [
      '/v1/responses?protocol=5',
      '/v1/responses?protocol=abc',
      '/v1/responses?protocol=4&protocol=3',
      '/v1/agreement?protocol=1',
      '/v1/agreement?protocol=4&ip=1',
      '/v1/pull?protocol=99',
    ]) {
      const r = await fetch(`${s.c.url}${path}`, { headers: auth });
      expect(r.status, path).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/протокол/);
    }

    // An online record given as reference data is checked like the others.
    const reference = (data: Record<string, unknown>) =>
      s.post('/v1/admin/reference', {
        entity: 'online',
        data: {
          id: none,
          campaignId,
          officeCode: null,
          url: 'https://opros.example.ru/s/abcdefghjkmn',
          open: true,
          ...data,
        },
      });
    expect((await reference({ url: `https://x.ru/${'a'.repeat(500)}` })).status).toBe(400);
    expect((await reference({ open: 'yes' })).status).toBe(400);
    expect((await reference({ campaignId: 'x' })).status).toBe(400);
  });

  it('one unreadable waiting answer never holds back its office’s others', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    const office = await s.c.central.db
      .selectFrom('offices')
      .select('id')
      .where('code', '=', 'MIN01')
      .executeTakeFirstOrThrow();
    // A waiting record the batch refuses (a channel no version knows): a defect, planted.
    await s.c.central.db
      .insertInto('online_pending')
      .values({
        id: '00000000-0000-4000-8000-00000000bad0',
        office_id: office.id,
        record: JSON.stringify({ id: '00000000-0000-4000-8000-00000000bad0', channel: 'web' }),
        response_date: '2026-04-20',
      })
      .execute();
    for (let i = 0; i < 8; i++) {
      const r = await s.answer(slug, { answers: ANSWERS, serviceId: null, officeCode: null });
      expect(r.status, `answer ${i + 1}`).toBe(200);
    }
    // Released in batches as they came; the planted one is still waiting, shown as such.
    expect(await s.count('responses')).toBe(8);
    expect(await s.count('online_pending')).toBe(1);
    expect((await s.list())[0]!.pending).toBe(1);
  });

  it('draws QR codes of the public address that read back to it', async () => {
    const s = await setup(backend);
    const campaignId = await s.campaign();
    const { slug } = await s.publish({ campaignId, officeCode: 'MIN01' });
    const svg = await fetch(`${s.c.url}/s/${slug}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    const png = Buffer.from(await (await fetch(`${s.c.url}/s/${slug}/qr.png`)).arrayBuffer());
    const { width, height, rgba } = pngPixels(png);
    expect(jsQR(rgba, width, height)?.data).toBe(`https://opros.example.ru/s/${slug}`);
    expect((await fetch(`${s.c.url}/s/zzzzzzzzzzzz/qr.png`)).status).toBe(404);
  });
});

describe('the visitor page’s files', () => {
  it('serves only the build’s own files, gzipped, with the page’s policy; the worst paths get 404', async () => {
    // A build as `npm run build:online` lays it out, without the server-side render: the
    // page then asks for its data itself.
    const t = tempDir();
    scope.defer(() => t.cleanup());
    mkdirSync(join(t.dir, 'assets'));
    const css = `.kiosk-question{margin:0}${' '.repeat(4000)}`;
    writeFileSync(join(t.dir, 'assets/online-abc.css'), css);
    writeFileSync(join(t.dir, 'assets/online-abc.js'), `console.log(1);${' '.repeat(4000)}`);
    writeFileSync(
      join(t.dir, 'online.html'),
      '<!doctype html><html><head><title>Анкета</title>' +
        '<link rel="stylesheet" href="/s/assets/online-abc.css"></head>' +
        '<body><div id="root"></div></body></html>',
    );
    writeFileSync(join(t.dir, 'secret.txt'), 'not for visitors');
    const c = await scope.central({ app: { onlineDir: t.dir } });
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${c.url}${path}`, { headers });

    const js = await get('/s/assets/online-abc.js', { 'accept-encoding': 'gzip' });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect(js.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(await js.text()).toMatch(/^console\.log\(1\);/);
    const plain = await get('/s/assets/online-abc.css', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(css);

    for (const path of [
      '/s/assets/..%2fsecret.txt',
      '/s/assets/../secret.txt',
      '/s/assets/%2e%2e/%2e%2e/package.json',
      '/s/assets/',
      '/s/assets/online-abc.js%00.png',
      `/s/assets/${'a'.repeat(5000)}.js`,
      '/s/..%2fsecret.txt',
      '/s/ABCDEFGHJKMN',
      '/s/abc',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain('not for visitors');
    }
    // An address of the right shape that is no survey: the page, which then says so itself.
    const page = await get('/s/abcdefghjkmn');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<div id="root"></div>');

    // Not built at all: a clear message, not a crash.
    const bare = await scope.central({ app: { onlineDir: join(t.dir, 'missing') } });
    const r = await fetch(`${bare.url}/s/abcdefghjkmn`);
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/npm run build:online/);
  });
});
