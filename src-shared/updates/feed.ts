import { z } from 'zod';

/**
 * Desk updates served by the central server (docs/updates.md). The feed is what
 * electron-updater's generic provider reads — `latest.yml` for Windows (NSIS), `latest-linux.yml`
 * for Linux (AppImage, .deb, .rpm) — written by the central from the release an administrator
 * uploaded, and read by the desk. One module, for both sides.
 */

export const PLATFORMS = ['windows', 'linux'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const FEED_FILE: Record<Platform, string> = {
  windows: 'latest.yml',
  linux: 'latest-linux.yml',
};

/** Versions as electron-builder writes them: 1.2.3, optionally -beta.1. */
export const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,6}(?:-[0-9A-Za-z.]{1,32})?$/;
/** A file name that can never name anything outside its release's folder. */
export const RELEASE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const SHA512_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

export const releaseFileSchema = z.object({
  name: z.string().regex(RELEASE_FILE),
  sha512: z.string().regex(SHA512_BASE64),
  size: z.number().int().positive(),
});

export const releaseSchema = z.object({
  version: z.string().regex(VERSION),
  platform: z.enum(PLATFORMS),
  files: z.array(releaseFileSchema).min(1).max(10),
  releaseDate: z.iso.datetime(),
  notes: z.string().max(4000).default(''),
  /** Who gets it: a share of desks (stable per desk and version) in the offices listed (all if none). */
  stage: z.object({
    percent: z.number().int().min(0).max(100),
    offices: z.array(z.string().max(20)).max(1000),
  }),
  withdrawn: z.boolean().default(false),
});
export type Release = z.infer<typeof releaseSchema>;

/** -1, 0, 1 as semver orders them (a pre-release is before its release). */
export function compareVersions(a: string, b: string): number {
  const [ma, pa] = split(a);
  const [mb, pb] = split(b);
  for (let i = 0; i < 3; i++) if (ma[i]! !== mb[i]!) return ma[i]! < mb[i]! ? -1 : 1;
  if (pa === pb) return 0;
  if (pa === '') return 1;
  if (pb === '') return -1;
  return pa < pb ? -1 : 1;
}
function split(v: string): [number[], string] {
  const [main = '', pre = ''] = v.split(/-(.*)/s);
  return [main.split('.').map(Number), pre];
}

/**
 * A desk's place in a staged roll-out: 0–99, fixed for a desk and a version (so a desk in the
 * first 10 % stays in when the share grows), different between versions (so the same desks are
 * not always first). FNV-1a: a bucket, not a secret.
 */
export function stageBucket(deviceId: string, version: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${deviceId}:${version}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100;
}

/** Whether a desk of an office is offered a release. */
export function offered(release: Release, deviceId: string, officeCode: string): boolean {
  if (release.withdrawn) return false;
  if (release.stage.offices.length > 0 && !release.stage.offices.includes(officeCode)) return false;
  return stageBucket(deviceId, release.version) < release.stage.percent;
}

/** The newest release a desk is offered, or null. */
export function releaseFor(
  releases: readonly Release[],
  platform: Platform,
  deviceId: string,
  officeCode: string,
): Release | null {
  return (
    releases
      .filter((r) => r.platform === platform && offered(r, deviceId, officeCode))
      .sort((a, b) => compareVersions(b.version, a.version))[0] ?? null
  );
}

/** The feed electron-updater reads (its `UpdateInfo`), as YAML with every string quoted. */
export function feedYaml(r: Release): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const main = r.files[0]!;
  return [
    `version: ${q(r.version)}`,
    'files:',
    ...r.files.flatMap((f) => [
      `  - url: ${q(f.name)}`,
      `    sha512: ${q(f.sha512)}`,
      `    size: ${f.size}`,
    ]),
    `path: ${q(main.name)}`,
    `sha512: ${q(main.sha512)}`,
    `releaseDate: ${q(r.releaseDate)}`,
    '',
  ].join('\n');
}

export interface FeedInfo {
  version: string;
  files: { url: string; sha512: string; size: number }[];
  releaseDate: string;
}

/**
 * Reads a feed of the form feedYaml writes (the subset electron-builder writes too); anything
 * else is refused, not guessed at. The desk's own client uses it; Electron uses electron-updater.
 */
export function parseFeedYaml(text: string): FeedInfo {
  if (text.length > 64 * 1024) throw new Error('feed too large');
  const unq = (v: string) => {
    const m = /^'((?:[^']|'')*)'$/.exec(v) ?? /^"([^"\\]*)"$/.exec(v);
    return m ? m[1]!.replace(/''/g, "'") : v;
  };
  const info: { version?: string; releaseDate?: string; files: FeedInfo['files'] } = {
    files: [],
  };
  let file: Partial<FeedInfo['files'][number]> | null = null;
  const push = () => {
    if (!file) return;
    const parsed = z
      .object({
        url: z.string().regex(RELEASE_FILE),
        sha512: z.string().regex(SHA512_BASE64),
        size: z.number().int().positive(),
      })
      .parse(file);
    info.files.push(parsed);
    file = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const item = /^ {2}- (\w+): (.*)$/.exec(raw);
    const field = /^ {4}(\w+): (.*)$/.exec(raw);
    const top = /^(\w+):(?: (.*))?$/.exec(raw);
    if (item) {
      push();
      file = { [item[1]!]: unq(item[2]!.trim()) };
    } else if (field && file) {
      const v = unq(field[2]!.trim());
      (file as Record<string, unknown>)[field[1]!] = field[1] === 'size' ? Number(v) : v;
    } else if (top) {
      push();
      if (top[1] === 'version') info.version = unq((top[2] ?? '').trim());
      if (top[1] === 'releaseDate') info.releaseDate = unq((top[2] ?? '').trim());
    } else throw new Error(`feed line not understood: ${raw.slice(0, 80)}`);
  }
  push();
  if (!info.version || !VERSION.test(info.version) || info.files.length === 0)
    throw new Error('feed without a version or files');
  return { version: info.version, files: info.files, releaseDate: info.releaseDate ?? '' };
}
