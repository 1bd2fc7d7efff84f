import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriter } from '../../src-server/domain/write-lock';
import { importPackage } from '../../src-server/domain/import-package';
import { appealInput } from '../helpers/appeal-input';
import {
  enroll,
  centralCounts,
  ok,
  officialOf,
  startCentral,
  startDesk,
  type Central,
  type Desk,
} from '../helpers/central';

const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const c = await startCentral();
  const d = startDesk();
  cleanups.push(
    () => c.close(),
    () => d.cleanup(),
  );
  await enroll(c, d, 'MIN01', 'MIN01A');
  const official = officialOf(d);
  for (let i = 0; i < 5; i++) {
    const r = d.dispatch('appeals.create', {
      data: appealInput(official, { content: `Обращение ${i}` }),
    });
    expect(r.ok).toBe(true);
  }
  return { c, d };
}

const counts = centralCounts;

function exportPending(d: Desk) {
  const r = d.dispatch('sync.exportPackage', { kind: 'pending' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as { path: string; changes: number; bytes: number };
}

const importFile = (c: Central, path: string, office: string | null = null) =>
  importPackage(c.central.db, createWriter(c.central), c.keys, readFileSync(path), office);

describe('offline package', () => {
  it('carries unsent changes to the central; importing twice changes nothing; online sync agrees', async () => {
    const { c, d } = await setup();
    const pkg = exportPending(d);
    expect(pkg).toMatchObject({ changes: 5 });
    expect(pkg.path.endsWith('.otkp')).toBe(true);
    const first = await importFile(c, pkg.path);
    expect(first).toMatchObject({ applied: 5, duplicates: 0, office: 'MIN01', deskCode: 'MIN01A' });
    const after = await counts(c);
    expect(after.appeals).toBe(5);
    const again = await importFile(c, pkg.path);
    expect(again).toMatchObject({ applied: 0, duplicates: 5 });
    expect(await counts(c)).toEqual(after);
    // The desk was not told: its outbox still holds the changes; sending them is a no-op.
    expect(d.services.sync.status().pending.changes).toBe(5);
    const run = await d.services.sync.syncNow();
    expect(run.agreement?.agrees).toBe(true);
    expect(await counts(c)).toEqual(after);
  });

  it('refuses a tampered, truncated or forged package whole, with a clear message', async () => {
    const { c, d } = await setup();
    const pkg = exportPending(d);
    const bytes = readFileSync(pkg.path);
    const write = (name: string, data: Uint8Array) => {
      const path = join(d.dir, name);
      writeFileSync(path, data);
      return path;
    };
    // One byte of the ciphertext flipped: the signature no longer holds.
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 1;
    await expect(importFile(c, write('flipped.otkp', flipped))).rejects.toThrow(
      /Подпись пакета не подтверждена/,
    );
    await expect(
      importFile(c, write('truncated.otkp', bytes.subarray(0, Math.floor(bytes.length * 0.7)))),
    ).rejects.toThrow(/Подпись пакета не подтверждена|повреждён или обрезан/);
    await expect(importFile(c, write('cut.otkp', bytes.subarray(0, 20)))).rejects.toThrow(
      /повреждён или обрезан/,
    );
    await expect(
      importFile(c, write('zip.otkp', zipSync({ 'a.txt': strToU8('x') }))),
    ).rejects.toThrow(/не пакет Otklik версии 2/);
    // Signed with another key (what someone holding a copy of the central's database could
    // try: it holds only the device's public key): refused.
    const { generateKeyPairSync } = await import('node:crypto');
    const creds = d.services.credentials.load()!;
    d.services.credentials.save({
      ...creds,
      signingKey: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    });
    const forged = exportPending(d);
    await expect(importFile(c, forged.path)).rejects.toThrow(/Подпись пакета не подтверждена/);
    expect(await counts(c)).toEqual({ appeals: 0, responses: 0, log: 0 });
  });

  it('a period package re-sends what was already acknowledged, without duplicates', async () => {
    const { c, d } = await setup();
    await d.services.sync.syncNow();
    const r = d.dispatch('sync.exportPackage', {
      kind: 'period',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(r).toMatchObject({ ok: true, result: { changes: 5 } });
    const report = await importFile(c, ok<{ path: string }>(r).path);
    expect(report.applied + report.duplicates).toBe(5);
    expect((await counts(c)).appeals).toBe(5);
    expect((await d.services.sync.syncNow()).agreement?.agrees).toBe(true);
  });

  it('is imported by `npm run server -- import FILE` (a real process), twice', async () => {
    const { c, d } = await setup();
    const pkg = exportPending(d);
    await c.stop(); // the CLI opens the same SQLite file
    const run = () =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src-server/main.ts', 'import', pkg.path],
        {
          cwd: ROOT,
          env: { ...process.env, OTKLIK_SERVER_DATA: c.dir },
          encoding: 'utf8',
        },
      );
    expect(run()).toMatch(/изменений 5, анкет 0; применено 5, уже было 0/);
    expect(run()).toMatch(/применено 0, уже было 5/);
    await c.restart();
  });
});
