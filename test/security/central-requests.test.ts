import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { plainHttpRefusal } from '../../src-server/listen-policy';
import { appealInput } from '../helpers/appeal-input';
import { enroll, ok, officialOf } from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';
import { tempDir } from '../helpers/temp-core';

/** Points 6, 7 (network side) and 11 (central): what an unauthenticated client can make it do. */
const pg = postgresForTests();
const ROOT = resolve(import.meta.dirname, '../..');
const { central, desk, defer } = testScope();

const randomToken = () => randomBytes(32).toString('base64url');

describe('requests before authentication (point 6)', () => {
  it('authenticates before reading the body: a bad token with a broken body is 401, not 400', async () => {
    const c = await central({ app: { authFailureLimit: 1000 } });
    for (const url of ['/v1/push', '/v1/responses', '/v1/attachments', '/v1/admin/reference']) {
      const res = await c.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${randomToken()}` },
        payload: '{"protocol": 2, "changes": [ not json',
      });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('random tokens from one address are limited: refused unheard after 30 failures a minute', async () => {
    const c = await central();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await c.app.inject({
        method: 'GET',
        url: '/v1/pull',
        headers: { authorization: `Bearer ${randomToken()}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // Another address is not affected.
    const res = await c.app.inject({
      method: 'GET',
      url: '/v1/pull',
      remoteAddress: '127.0.0.2',
      headers: { authorization: `Bearer ${randomToken()}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('limits enrollment attempts per address and refuses oversized bodies per route', async () => {
    const c = await central();
    const node = '0123456789abcdef';
    const attempt = () =>
      c.app.inject({
        method: 'POST',
        url: '/v1/enroll',
        headers: { 'content-type': 'application/json' },
        payload: {
          code: randomBytes(6).toString('hex'),
          deviceName: 'x',
          node,
          deskCode: 'D1',
          signingKey: 'MCowBQYDK2VwAyEA' + 'A'.repeat(43) + '=',
        },
      });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    const big = await c.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      remoteAddress: '127.0.0.3',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'x'.repeat(8000) }),
    });
    expect(big.statusCode).toBe(413);
  });

  it.each(pg.backends)(
    'the agreement is computed once until the office changes (%s)',
    async (backend) => {
      const c = await central({ databaseUrl: pg.databaseUrl(backend) });
      const d = desk();
      await enroll(c, d);
      ok(d.dispatch('appeals.create', { data: appealInput(officialOf(d)) }));
      await d.services.sync.syncNow();
      const token = d.services.credentials.load()!.token;
      const ask = async () =>
        (
          await c.app.inject({
            method: 'GET',
            url: '/v1/agreement',
            headers: { authorization: `Bearer ${token}` },
          })
        ).json() as { computedAt: string; parts: unknown[] };
      const first = await ask();
      await new Promise((r) => setTimeout(r, 5));
      const [second, third] = await Promise.all([ask(), ask()]);
      expect(second.computedAt).toBe(first.computedAt);
      expect(third.computedAt).toBe(first.computedAt);
      ok(d.dispatch('appeals.create', { data: appealInput(officialOf(d)) }));
      await d.services.sync.syncNow();
      const after = await ask();
      expect(after.computedAt).not.toBe(first.computedAt);
      expect(after.parts).not.toEqual(first.parts);
    },
  );
});

describe('transport security (point 7)', () => {
  it('the central refuses to listen beyond loopback without TLS unless told to', async () => {
    expect(plainHttpRefusal('127.0.0.1', false, false)).toBeNull();
    expect(plainHttpRefusal('::1', false, false)).toBeNull();
    expect(plainHttpRefusal('0.0.0.0', true, false)).toBeNull();
    expect(plainHttpRefusal('0.0.0.0', false, true)).toBeNull();
    expect(plainHttpRefusal('0.0.0.0', false, false)).toMatch(/без TLS/);
    // The real process, as an administrator would start it.
    const t = tempDir();
    defer(() => t.cleanup());
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, OTKLIK_SERVER_DATA: t.dir, OTKLIK_SERVER_HOST: '0.0.0.0' },
      timeout: 30_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/без TLS/) });
  });

  it('a desk refuses http:// to another host unless an administrator allows it', async () => {
    const asked: string[] = [];
    const d = desk({
      sync: {
        fetch: async (input) => {
          asked.push(String(input));
          throw new TypeError('fetch failed');
        },
      },
    });
    // Documentation address range (RFC 5737): nothing is ever sent there in this test.
    const url = 'http://192.0.2.10:8787';
    const refused = await d.services.sync
      .enroll(url, 'ABCDEF123456', 'Стойка')
      .catch((e: { issues?: { message: string }[] }) => e);
    expect(refused).toMatchObject({ issues: [{ path: 'serverUrl', message: 'insecure_url' }] });
    expect(asked).toEqual([]);
    // Allowed explicitly: the request is tried (and fails here, the fetch is a stub).
    await expect(d.services.sync.enroll(url, 'ABCDEF123456', 'Стойка', true)).rejects.toThrow(
      /недоступен/,
    );
    expect(asked).toHaveLength(1);
  });
});

describe('central administration (point 11)', () => {
  it('revokes an admin key, caps enrollment codes, and keeps scans within an office quota', async () => {
    const c = await central({ app: { attachmentQuotaBytes: 1000 } });
    const admin = await c.offices.createAdmin('Аналитик');
    const asAdmin = () =>
      c.app.inject({
        method: 'GET',
        url: '/v1/admin/reports/appeals?from=2026-01-01&to=2026-03-31',
        headers: { authorization: `Bearer ${admin.token}` },
      });
    expect((await asAdmin()).statusCode).toBe(200);
    await c.offices.revokeAdmin(admin.id);
    expect((await asAdmin()).statusCode).toBe(401);

    await c.offices.createOffice('MIN01', 'Министерство');
    for (const days of [0, 31, 365, 1.5, Number.NaN]) {
      await expect(c.offices.createEnrollmentCode('MIN01', null, days)).rejects.toThrow(
        /от 1 до 30 дней/,
      );
    }
    await expect(c.offices.createEnrollmentCode('MIN01', null, 30)).resolves.toBeTruthy();

    // Scans beyond the office's quota are refused (507) and do not stop the desk's sync.
    const d = desk();
    await enroll(c, d);
    const card = ok<{ id: string }>(
      d.dispatch('appeals.create', { data: appealInput(officialOf(d)) }),
    );
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000)]);
    ok(
      d.dispatch('attachments.add', {
        appealId: card.id,
        fileName: 'скан.pdf',
        data: pdf.toString('base64'),
      }),
    );
    await d.services.sync.syncNow();
    expect(d.services.sync.status()).toMatchObject({
      lastError: null,
      pending: { changes: 0, attachments: 1 },
    });
  });
});
