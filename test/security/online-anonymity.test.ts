import { describe, expect, it } from 'vitest';
import { publishOnline } from '../helpers/online';
import { CENTRAL_RESPONSE_COLUMNS, everyRow, logCapture } from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';

/**
 * Issue 18: an online answer leaves nothing of the visitor at the central. Visitors answer with
 * a marked user agent from a marked forwarded address (the server believes the proxy here, as
 * it would behind nginx); then every table and every log line written during the answers is
 * searched for the address, the agent and any time of day.
 */
const pg = postgresForTests();
const scope = testScope();
const AGENT = 'Mozilla/5.0 (Linux; Android 8.1.0; Redmi 5 Plus) ZZMARKERAGENT';
const TIME = /\b([01]\d|2[0-3]):[0-5]\d\b/;

describe.each(pg.backends)('online answers on %s', (backend) => {
  it('keep no address, user agent or time anywhere, and write no log line', async () => {
    const { lines, stream } = logCapture();
    const c = await scope.central({
      databaseUrl: pg.databaseUrl(backend),
      logger: { level: 'info', stream },
      app: { trustProxy: true, publicUrl: 'https://opros.example.ru' },
    });
    const { token } = await c.offices.createAdmin('Автоматизация');
    const key = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await c.offices.createOffice('MIN01', 'Министерство');
    const { slug } = await publishOnline(c.url, key, 'MIN01', { endsOn: '2099-12-31' });
    expect(lines.join('')).toContain('/v1/console/online'); // the logger is on

    const before = lines.length;
    const visitor = (i: number) => ({
      'user-agent': AGENT,
      'x-forwarded-for': `203.0.113.${50 + i}`,
      'content-type': 'application/json',
    });
    for (let i = 0; i < 7; i++) {
      expect((await fetch(`${c.url}/s/${slug}`, { headers: visitor(i) })).status).not.toBe(500);
      expect((await fetch(`${c.url}/v1/online/${slug}`, { headers: visitor(i) })).status).toBe(200);
      const r = await fetch(`${c.url}/v1/online/${slug}`, {
        method: 'POST',
        headers: visitor(i),
        body: JSON.stringify({ answers: { q3: 5, q4: 'mfc' }, serviceId: null, officeCode: null }),
      });
      expect(r.status).toBe(200);
      // A refused one too (an error must not be logged either).
      await fetch(`${c.url}/v1/online/${slug}`, { method: 'POST', headers: visitor(i), body: '{' });
      await fetch(`${c.url}/s/${slug}/qr.png`, { headers: visitor(i) });
    }
    expect(lines.slice(before)).toEqual([]);

    const rows = await everyRow(c);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('ZZMARKERAGENT');
    expect(all).not.toContain('203.0.113.');
    expect(all).not.toContain('127.0.0.1');
    // The five released and the two waiting hold a date and nothing finer.
    expect(rows.responses).toHaveLength(5);
    expect(rows.online_pending).toHaveLength(2);
    for (const r of rows.responses!) {
      expect(Object.keys(r).sort()).toEqual(CENTRAL_RESPONSE_COLUMNS);
      expect(r.channel).toBe('online');
      expect(String(r.response_date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(JSON.stringify(r)).not.toMatch(TIME);
    }
    for (const r of rows.online_pending!) {
      expect(Object.keys(r).sort()).toEqual(['id', 'office_id', 'record', 'response_date']);
      expect(JSON.stringify(r)).not.toMatch(TIME);
    }
    // Counted per day only.
    expect(rows.online_daily).toEqual([
      expect.objectContaining({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    ]);
    expect(Object.keys(rows.online_daily![0]!).sort()).toEqual([
      'accepted',
      'day',
      'refused',
      'survey_id',
    ]);
    // Nothing of a response in the change log (card changes and reference data only).
    for (const r of rows.change_log!) {
      expect(r.type).not.toBe('response');
      for (const resp of rows.responses!) expect(String(r.payload)).not.toContain(String(resp.id));
    }
  });
});
