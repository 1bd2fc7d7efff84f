import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  feedYaml,
  offered,
  parseFeedYaml,
  releaseFor,
  releaseSchema,
  stageBucket,
  type Release,
} from './feed';
import { dueAtEndOfDay, installRefusal } from './policy';

const SHA = 'A'.repeat(86) + '==';
const release = (version: string, extra: Partial<Release> = {}): Release =>
  releaseSchema.parse({
    version,
    platform: 'windows',
    files: [{ name: `Otklik-Setup-${version}.exe`, sha512: SHA, size: 1000 }],
    releaseDate: '2026-11-28T10:00:00.000Z',
    stage: { percent: 100, offices: [] },
    ...extra,
  });

describe('the update feed', () => {
  it('orders versions as semver does', () => {
    expect(compareVersions('1.2.10', '1.2.9')).toBe(1);
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.2.0-beta.1', '1.2.0')).toBe(-1);
    expect(compareVersions('1.2.0', '1.2.0')).toBe(0);
  });

  it('is read by electron-updater’s YAML reader as the same UpdateInfo our reader sees', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(99), fc.nat(99), fc.nat(999)),
        fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._'-]{0,30}$/), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { minLength: 4, maxLength: 4 }),
        ([a, b, c], names, sizes) => {
          const files = [...new Set(names)]
            .filter((n) => !n.includes("'"))
            .map((name, i) => ({ name, sha512: SHA, size: sizes[i]! }));
          if (files.length === 0) return;
          const r = release(`${a}.${b}.${c}`, { files });
          const yaml = feedYaml(r);
          const theirs = load(yaml) as Record<string, unknown>;
          const ours = parseFeedYaml(yaml);
          expect(theirs).toEqual({
            version: r.version,
            files: files.map((f) => ({ url: f.name, sha512: f.sha512, size: f.size })),
            path: files[0]!.name,
            sha512: SHA,
            releaseDate: r.releaseDate,
          });
          expect(ours).toEqual({
            version: r.version,
            files: files.map((f) => ({ url: f.name, sha512: f.sha512, size: f.size })),
            releaseDate: r.releaseDate,
          });
        },
      ),
    );
  });

  it('refuses a feed that names a file outside its folder, or that it does not understand', () => {
    const good = feedYaml(release('1.2.3'));
    for (const bad of [
      good.replace("url: 'Otklik-Setup-1.2.3.exe'", "url: '../../etc/passwd'"),
      good.replace("url: 'Otklik-Setup-1.2.3.exe'", "url: '/abs/file.exe'"),
      good.replace(`sha512: '${SHA}'`, "sha512: 'short'"),
      good.replace('size: 1000', 'size: -1'),
      good.replace("version: '1.2.3'", "version: 'latest'"),
      good + 'evil: !!js/function "x"\n  nested: [1, 2]\n',
      'x'.repeat(70_000),
      '',
    ])
      expect(() => parseFeedYaml(bad)).toThrow();
  });

  it('stages a release: the same desks stay in as the share grows, about the share asked', () => {
    const desks = Array.from(
      { length: 2000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const at = (percent: number) =>
      new Set(
        desks.filter((d) =>
          offered(release('2.0.0', { stage: { percent, offices: [] } }), d, 'MIN01'),
        ),
      );
    const ten = at(10);
    const fifty = at(50);
    expect(ten.size / desks.length).toBeGreaterThan(0.07);
    expect(ten.size / desks.length).toBeLessThan(0.13);
    for (const d of ten) expect(fifty.has(d)).toBe(true);
    expect(at(0).size).toBe(0);
    expect(at(100).size).toBe(desks.length);
    // Another version picks other desks first.
    const other = desks.filter((d) => stageBucket(d, '2.0.1') < 10);
    expect(other.filter((d) => ten.has(d)).length).toBeLessThan(other.length / 2);
  });

  it('offers a desk the newest release its office and stage allow, never a withdrawn one', () => {
    const desk = '00000000-0000-4000-8000-000000000001';
    const all = [
      release('1.1.0'),
      release('1.2.0', { stage: { percent: 100, offices: ['MIN02'] } }),
      release('1.3.0', { withdrawn: true }),
      release('1.4.0', { platform: 'linux' }),
    ];
    expect(releaseFor(all, 'windows', desk, 'MIN01')?.version).toBe('1.1.0');
    expect(releaseFor(all, 'windows', desk, 'MIN02')?.version).toBe('1.2.0');
    expect(releaseFor(all, 'linux', desk, 'MIN01')?.version).toBe('1.4.0');
    expect(releaseFor([], 'windows', desk, 'MIN01')).toBeNull();
  });
});

describe('when an update installs', () => {
  it('never with a card being edited or a sync writing, only once it is downloaded', () => {
    expect(installRefusal({ phase: 'ready', editing: false, syncing: false })).toBeNull();
    expect(installRefusal({ phase: 'ready', editing: true, syncing: false })).toBe('editing');
    expect(installRefusal({ phase: 'ready', editing: false, syncing: true })).toBe('syncing');
    for (const phase of ['idle', 'checking', 'downloading', 'error', 'unavailable'] as const)
      expect(installRefusal({ phase, editing: false, syncing: false })).toBe('not_ready');
  });

  it('by itself at the end of the day, once nobody has touched the desk for a while', () => {
    const at = (hm: string) => new Date(`2026-11-27T${hm}:00`);
    expect(dueAtEndOfDay(at('19:30'), at('19:15'))).toBe(true);
    expect(dueAtEndOfDay(at('19:30'), at('19:25'))).toBe(false);
    expect(dueAtEndOfDay(at('18:59'), at('12:00'))).toBe(false);
    expect(dueAtEndOfDay(at('20:00'), at('19:00'), '21:00')).toBe(false);
  });
});
