import { strToU8, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src-main/core/sync/package-crypto';
import { PACKAGE_KEY_SETTING } from '../../src-main/core/sync/package-export';
import { importPackage } from '../../src-server/domain/import-package';
import { createWriter } from '../../src-server/domain/write-lock';
import {
  buildPackage,
  PACKAGE_FORMAT,
  PACKAGE_LIMITS,
  type PackageSealer,
} from '../../src-shared/sync/package';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import { appealInput } from '../helpers/appeal-input';
import { centralCounts, enroll, ok, officialOf, type Central, type Desk } from '../helpers/central';
import { testScope } from '../helpers/scope';

/** Point 7: a lost stick reveals nothing, nobody forges a package, no package bombs the central. */
const scope = testScope();

async function setup(enrolled = true) {
  const c = await scope.central();
  const d = scope.desk();
  if (enrolled) await enroll(c, d, 'MIN01', 'MIN01A');
  else await c.offices.createOffice('MIN01', 'Министерство');
  const official = officialOf(d);
  for (let i = 0; i < 3; i++) {
    ok(d.dispatch('appeals.create', { data: appealInput(official, { content: `Жалоба ${i}` }) }));
  }
  return { c, d };
}

const exportPending = (d: Desk) =>
  d.dispatch('sync.exportPackage', { kind: 'pending' }) as
    | { ok: true; result: { path: string } }
    | { ok: false; error: { code: string; detail?: string; issues?: unknown[] } };

const importBytes = (c: Central, bytes: Uint8Array, office: string | null = null) =>
  importPackage(c.central.db, createWriter(c.central), c.keys, bytes, office);

describe('offline packages', () => {
  it('hold nothing readable: names, addresses, phones and texts are encrypted', async () => {
    const { d } = await setup();
    const r = exportPending(d);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const bytes = readFileSync(r.result.path);
    for (const secret of ['Иванова', 'Анна', 'Жалоба', '"content"', 'changes.ndjson']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    expect(bytes.subarray(0, 6).toString()).toBe('OTKP2\n');
  });

  it('from a desk that never enrolled: refused without the centre’s key, encrypted with it', async () => {
    const { c, d } = await setup(false);
    expect(exportPending(d)).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'packageKey', message: 'no_package_key' }] },
    });
    expect(d.dispatch('sync.setPackageKey', { key: 'not a key' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'key', message: 'package_key' }] },
    });
    ok(d.dispatch('sync.setPackageKey', { key: c.keys.publicKey }));
    expect(d.services.settings.value(PACKAGE_KEY_SETTING)).toBe(c.keys.publicKey);
    const r = exportPending(d);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const bytes = readFileSync(r.result.path);
    expect(bytes.includes(Buffer.from('Иванова', 'utf8'))).toBe(false);
    await expect(importBytes(c, bytes)).rejects.toThrow(/укажите орган/);
    expect(await importBytes(c, bytes, 'MIN01')).toMatchObject({ applied: 3, refused: [] });
  });

  it('cannot be made for another centre, nor opened by a centre with another key', async () => {
    const { c, d } = await setup();
    const other = await scope.central();
    const r = exportPending(d);
    if (!r.ok) throw new Error(JSON.stringify(r));
    await expect(importBytes(other, readFileSync(r.result.path), 'MIN01')).rejects.toThrow();
    expect((await centralCounts(c)).appeals).toBe(0);
  });

  it('refuses zip bombs and extra files before inflating them', async () => {
    const { c } = await setup(false);
    const sealer = createSealer(c.keys.publicKey, null);
    const meta = {
      createdAt: new Date().toISOString(),
      deskCode: 'D1',
      deviceId: null,
      officeCode: null,
      scope: 'pending',
    };
    // A package whose inner zip is swapped for a crafted one: the sealer seals what it is given.
    const withZip = (zip: Uint8Array) => {
      const swap: PackageSealer = { ...sealer, seal: (_plain, aad) => sealer.seal(zip, aad) };
      return buildPackage({ changes: [], responses: [] }, meta, swap);
    };
    const manifest = strToU8(
      JSON.stringify({
        format: PACKAGE_FORMAT,
        protocol: PROTOCOL_VERSION,
        ...meta,
        parts: [
          { name: 'changes.ndjson', sha256: '0'.repeat(64), records: 0 },
          { name: 'responses.ndjson', sha256: '0'.repeat(64), records: 0 },
        ],
      }),
    );
    const bomb = zipSync({
      'manifest.json': manifest,
      'changes.ndjson': new Uint8Array(0),
      'responses.ndjson': new Uint8Array(0),
    });
    // Make the zip claim 3 GB for a part (local header and central directory alike).
    const claim = Buffer.from(bomb);
    for (const [sig, at] of [
      [0x04034b50, 22],
      [0x02014b50, 24],
    ] as const) {
      for (let i = 0; i + 4 <= claim.length; i++) {
        if (claim.readUInt32LE(i) === sig) claim.writeUInt32LE(3_000_000_000, i + at);
      }
    }
    await expect(importBytes(c, withZip(claim), 'MIN01')).rejects.toThrow(
      /недопустимо большой|повреждён/,
    );
    const extra = zipSync({
      'manifest.json': manifest,
      'changes.ndjson': new Uint8Array(0),
      'responses.ndjson': new Uint8Array(0),
      '../../etc/passwd': strToU8('x'),
    });
    await expect(importBytes(c, withZip(extra), 'MIN01')).rejects.toThrow(/Лишний файл/);
    // A file larger than any package: refused before it is read.
    const huge = new Uint8Array(PACKAGE_LIMITS.fileBytes + 1);
    await expect(importBytes(c, huge, 'MIN01')).rejects.toThrow(/больше 256 МБ/);
    expect(await centralCounts(c)).toEqual({ appeals: 0, responses: 0, log: 0 });
  });

  it('an unsigned package cannot pretend to come from an enrolled desk', async () => {
    const { c, d } = await setup();
    const creds = d.services.credentials.load()!;
    const r = exportPending(d);
    if (!r.ok) throw new Error(JSON.stringify(r));
    // Same content sealed without the desk's key, claiming the desk's device id.
    const forged = buildPackage(
      { changes: d.services.syncStore.allOutbox(), responses: [] },
      {
        createdAt: new Date().toISOString(),
        deskCode: 'MIN01A',
        deviceId: creds.deviceId,
        officeCode: 'MIN01',
        scope: 'pending',
      },
      { ...createSealer(c.keys.publicKey, null), sign: () => new Uint8Array(64) },
    );
    const path = join(d.dir, 'forged.otkp');
    writeFileSync(path, forged);
    await expect(importBytes(c, readFileSync(path))).rejects.toThrow(
      /Подпись пакета не подтверждена/,
    );
    // The genuine one goes in.
    expect(await importBytes(c, readFileSync(r.result.path))).toMatchObject({ applied: 3 });
  });

  it('a desk enrolled before packages were signed gets its keys on its next sync, once', async () => {
    const { c, d } = await setup();
    const creds = d.services.credentials.load()!;
    const { signingKey: _s, packageKey: _p, ...old } = creds;
    d.services.credentials.save(old);
    await c.central.db.updateTable('devices').set({ signing_key: null }).execute();
    await d.services.sync.syncNow();
    const renewed = d.services.credentials.load()!;
    expect(renewed.packageKey).toBe(c.keys.publicKey);
    expect(renewed.signingKey).toMatch(/BEGIN PRIVATE KEY/);
    const r = exportPending(d);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await importBytes(c, readFileSync(r.result.path))).toMatchObject({ refused: [] });
    // Once registered, the key cannot be swapped with the token alone…
    const other = await fetch(`${c.url}/v1/device-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
      body: JSON.stringify({ signingKey: 'MCowBQYDK2VwAyEA' + 'B'.repeat(43) + '=' }),
    });
    expect(other.status).toBe(409);
    // …and a desk that finds its key taken keeps syncing (only its packages wait).
    d.services.credentials.save(old);
    ok(d.dispatch('appeals.create', { data: appealInput(officialOf(d)) }));
    await d.services.sync.syncNow();
    expect(d.services.sync.status()).toMatchObject({ lastError: null, pending: { changes: 0 } });
  });
});
