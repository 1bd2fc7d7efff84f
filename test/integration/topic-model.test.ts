import { describe, expect, it } from 'vitest';
import { appeals } from '../../bench/topics/appeals';
import { measure } from '../../bench/topics/measure';
import { appealInputSchema } from '../../src-shared/domain/appeal';
import { regionTopicModelSchema } from '../../src-shared/topics/schema';
import { appealInput } from '../helpers/appeal-input';
import { enroll, officialOf, type Central, type Desk } from '../helpers/central';
import { consoleAs } from '../helpers/console-client';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';

const pg = postgresForTests();
const scope = testScope();

/** Registers coded appeals on a desk as an officer would (written the way bench/topics writes them). */
function register(desk: Desk, list: { text: string; codes: string[] }[]) {
  const officialId = officialOf(desk);
  for (const a of list) {
    desk.services.appeals.createUnread(
      appealInputSchema.parse(appealInput(officialId, { content: a.text, topicCodes: a.codes })),
    );
  }
}

async function buildNow(c: Central) {
  const admin = await c.offices.createAdmin(`Центр ${Math.random()}`);
  const res = await fetch(`${c.url}/v1/console/topic-model`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: '{}',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    version: number | null;
    builds: { cards: number; bytes: number }[];
  };
}

const question3 = (desk: Desk, cases: ReturnType<typeof appeals>) =>
  measure(cases, (t) => desk.services.topics.suggest(t, 5).topics.map((s) => s.code)).question3;

describe.each(pg.backends)('the region’s topic model on %s', (backend) => {
  it('is built from every office’s coded cards, reaches a new desk and lifts its suggestions', async () => {
    const c = await scope.central({ databaseUrl: pg.databaseUrl(backend) });
    const a = scope.desk();
    const b = scope.desk();
    await enroll(c, a, 'MIN01');
    await enroll(c, b, 'MIN02');
    const history = appeals('history', 8);
    register(
      a,
      history.filter((_, i) => i % 2 === 0),
    );
    register(
      b,
      history.filter((_, i) => i % 2 === 1),
    );
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();

    const first = await buildNow(c);
    expect(first.version).toBe(1);
    expect(first.builds[0]!.cards).toBe(history.length);
    // Nothing changed since: no new build; the console lists the one there is.
    expect((await buildNow(c)).version).toBeNull();
    const admin = await c.offices.createAdmin('Просмотр');
    const listed = await fetch(`${c.url}/v1/console/topic-model`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(((await listed.json()) as { builds: { version: number }[] }).builds).toEqual([
      expect.objectContaining({ version: 1, cards: history.length }),
    ]);
    // Without a key: refused.
    expect((await fetch(`${c.url}/v1/console/topic-model`)).status).toBe(401);

    const fresh = scope.desk();
    const joined = scope.desk();
    await enroll(c, joined, 'MIN03');
    await joined.services.sync.syncNow();
    expect(joined.services.topics.regionVersion()).toBe(1);

    const cases = appeals('test', 2);
    const before = question3(fresh, cases);
    const after = question3(joined, cases);
    expect(after).toBeGreaterThan(before + 0.1);
    // The suggestion says why, in the appeal's own words.
    const text = cases[0]!.text.toLowerCase();
    for (const w of joined.services.topics.suggest(cases[0]!.text, 3).topics[0]!.why) {
      expect(text).toContain(w);
    }

    // What travelled holds no name, street, telephone or number of any card.
    const row = joined.services.ctx.db
      .prepare('SELECT body FROM topic_model')
      .pluck()
      .get() as string;
    const model = regionTopicModelSchema.parse(JSON.parse(row));
    const terms = Object.keys(model.df).join(' ');
    for (const personal of ['иванов', 'петров', 'ленин', 'гагарин', 'покровск', 'ивановк']) {
      expect(terms).not.toContain(personal);
    }
    expect(terms).not.toMatch(/\d/);
  });

  it('a damaged model at the central or no route at all never fails a sync, and the desk keeps its model', async () => {
    const c = await scope.central({ databaseUrl: pg.databaseUrl(backend) });
    const a = scope.desk();
    await enroll(c, a, 'MIN01');
    register(a, appeals('history', 3));
    await a.services.sync.syncNow();
    expect((await buildNow(c)).version).toBe(1);
    await a.services.sync.syncNow();
    expect(a.services.topics.regionVersion()).toBe(1);

    // A newer build whose body breaks the model's schema (a term of 10,000 characters).
    const bad = { format: 1, version: 2, builtAt: new Date().toISOString() };
    await c.central.db
      .insertInto('topic_models')
      .values({
        version: 2,
        built_at: bad.builtAt,
        source: 'planted',
        cards: 1,
        bytes: 1,
        build_ms: 1,
        body: JSON.stringify({
          ...bad,
          edition: null,
          cards: 1,
          minCards: 5,
          df: { ['я'.repeat(10_000)]: 9 },
          classes: {},
        }),
      })
      .execute();
    const run = await a.services.sync.syncNow();
    expect(run.pulled).toBeGreaterThanOrEqual(0);
    expect(a.services.topics.regionVersion()).toBe(1);
    expect(a.services.settings.value('topic_model_error')).toMatch(/протокол/);
    expect(
      a.services.topics.suggest('Батареи холодные, в квартире нет отопления', 3).topics.length,
    ).toBeGreaterThan(0);

    // The central restored from a backup made before its builds: it counts from 1 again, and
    // a desk holding a higher number takes the central's model all the same.
    await c.central.db.deleteFrom('topic_models').execute();
    register(a, appeals('history', 1));
    await a.services.sync.syncNow();
    expect((await buildNow(c)).version).toBe(1);
    // The desk had received builds up to the seventh before the restore.
    a.services.ctx.db.prepare('UPDATE topic_model SET version = 7').run();
    await a.services.sync.syncNow();
    expect(a.services.topics.regionVersion()).toBe(1);
    expect(a.services.settings.value('topic_model_error')).toBe('');

    // A central of before issue 20 (404 for the route): the sync still succeeds.
    const old = scope.desk({
      sync: {
        timeoutMs: 5_000,
        responseBatchMin: 1,
        fetch: (input, init) =>
          String(input).includes('/v1/topic-model')
            ? Promise.resolve(
                new Response(JSON.stringify({ error: 'not_found', message: 'Нет.' }), {
                  status: 404,
                }),
              )
            : fetch(input, init),
      },
    });
    await enroll(c, old, 'MIN02');
    await expect(old.services.sync.syncNow()).resolves.toBeDefined();
    expect(old.services.topics.regionVersion()).toBe(0);
  });

  it('refuses the worst questions to its routes: malformed versions, extra keys, other roles', async () => {
    const c = await scope.central({ databaseUrl: pg.databaseUrl(backend) });
    const desk = scope.desk();
    await enroll(c, desk, 'MIN01');
    const auth = { authorization: `Bearer ${desk.services.credentials.load()!.token}` };
    for (const query of ['have=-1', 'have=abc', 'have=1e300', 'have=1&have=2', 'have=1&x=1']) {
      const r = await fetch(`${c.url}/v1/topic-model?${query}`, { headers: auth });
      expect(r.status, query).toBe(400);
    }
    // No model yet: a desk claiming any number gets nothing; an unknown device is refused.
    const ask = (have: string, headers: Record<string, string> = auth) =>
      fetch(`${c.url}/v1/topic-model?have=${have}`, { headers });
    expect(await (await ask('0')).json()).toEqual({ model: null });
    expect(await (await ask(String(Number.MAX_SAFE_INTEGER))).json()).toEqual({ model: null });
    expect((await ask('0', { authorization: 'Bearer nonsense' })).status).toBe(401);

    const { token } = await c.offices.createAdmin('Ключ');
    const post = (body: string) =>
      fetch(`${c.url}/v1/console/topic-model`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    expect((await post('{"now":true}')).status).toBe(400);
    expect((await post('{')).status).toBe(400);
    expect((await post('{}')).status).toBe(200);
    // The console's roles: an analyst and an office's viewer neither build nor list.
    for (const role of ['analyst', 'office_viewer']) {
      const created = await fetch(`${c.url}/v1/console/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          login: role.replace('_', ''),
          name: role,
          role,
          office: role === 'office_viewer' ? 'MIN01' : null,
        }),
      });
      const { password } = (await created.json()) as { password: string };
      const other = await consoleAs(c.url, role.replace('_', ''), password);
      expect((await other.get('/v1/console/topic-model')).status, role).toBe(403);
      expect((await other.post('/v1/console/topic-model', {})).status, role).toBe(403);
    }
  });
});
