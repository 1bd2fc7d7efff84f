import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  compareVersions,
  RELEASE_FILE,
  releaseSchema,
  VERSION,
  type Platform,
  type Release,
} from '../../src-shared/updates/feed';
import { badRequest, HttpError } from './errors';

/**
 * Desk releases kept by the central (docs/updates.md): <dir>/<platform>/<version>/ holds the
 * installers and release.json, written last (through a rename), so a release being uploaded is
 * never offered half-copied. The administrator adds one from the CLI; the feed and the files
 * are served by src-server/routes/updates.ts.
 */
export function createReleases(dir: string) {
  const folder = (platform: Platform, version: string) => {
    if (!VERSION.test(version)) throw badRequest('Неверная версия: ожидается вида 1.2.3.');
    return join(dir, platform, version);
  };
  const write = (r: Release) => {
    const file = join(folder(r.platform, r.version), 'release.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(releaseSchema.parse(r), null, 2));
    renameSync(`${file}.tmp`, file);
    return r;
  };

  function list(): Release[] {
    const out: Release[] = [];
    for (const platform of ['windows', 'linux'] as const) {
      const base = join(dir, platform);
      if (!existsSync(base)) continue;
      for (const version of readdirSync(base)) {
        const file = join(base, version, 'release.json');
        if (!existsSync(file)) continue; // being uploaded, or abandoned half-way
        try {
          out.push(releaseSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
        } catch {
          // A damaged release.json is skipped, never served.
        }
      }
    }
    return out.sort((a, b) => compareVersions(b.version, a.version));
  }

  function get(platform: Platform, version: string): Release {
    const r = list().find((x) => x.platform === platform && x.version === version);
    if (!r) throw new HttpError(404, 'not_found', `Выпуск ${version} (${platform}) не найден.`);
    return r;
  }

  return {
    dir,
    list,
    get,
    /** Copies the installers in, with their SHA-512 and size, then publishes the release. */
    async add(input: {
      platform: Platform;
      version: string;
      files: string[];
      percent: number;
      offices: string[];
      notes?: string;
      now: Date;
    }): Promise<Release> {
      const target = folder(input.platform, input.version);
      if (existsSync(join(target, 'release.json')))
        throw new HttpError(409, 'exists', `Выпуск ${input.version} уже загружен.`);
      if (input.files.length === 0) throw badRequest('Укажите файлы установщика.');
      for (const path of input.files)
        if (!existsSync(path) || !statSync(path).isFile() || statSync(path).size === 0)
          throw badRequest(`Файл установщика не найден или пуст: ${path}`);
      mkdirSync(target, { recursive: true });
      const files = [];
      for (const path of input.files) {
        const name = basename(path);
        if (!RELEASE_FILE.test(name)) throw badRequest(`Недопустимое имя файла: ${name}`);
        const hash = createHash('sha512');
        const copy = createWriteStream(join(target, `${name}.part`));
        const source = createReadStream(path);
        source.on('data', (chunk) => hash.update(chunk));
        await pipeline(source, copy);
        renameSync(join(target, `${name}.part`), join(target, name));
        files.push({
          name,
          sha512: hash.digest('base64'),
          size: statSync(join(target, name)).size,
        });
      }
      return write({
        version: input.version,
        platform: input.platform,
        files,
        releaseDate: input.now.toISOString(),
        notes: input.notes ?? '',
        stage: { percent: input.percent, offices: input.offices },
        withdrawn: false,
      });
    },
    /** Widens (or narrows) who is offered a release: 10 % first, then everyone. */
    stage(platform: Platform, version: string, percent: number, offices?: string[]): Release {
      const r = get(platform, version);
      return write({ ...r, stage: { percent, offices: offices ?? r.stage.offices } });
    },
    /** Stops offering a release (desks that have it keep it; the previous one is offered again). */
    withdraw(platform: Platform, version: string): Release {
      return write({ ...get(platform, version), withdrawn: true });
    },
    /** The path of a file of a release, only ever one the release lists. */
    file(platform: Platform, name: string): { path: string; size: number } | null {
      if (!RELEASE_FILE.test(name)) return null;
      for (const r of list()) {
        if (r.platform !== platform || r.withdrawn) continue;
        const f = r.files.find((x) => x.name === name);
        if (f) return { path: join(folder(platform, r.version), f.name), size: f.size };
      }
      return null;
    },
    /** Removes a withdrawn release's files. */
    remove(platform: Platform, version: string) {
      const r = get(platform, version);
      if (!r.withdrawn) throw badRequest('Сначала отзовите выпуск (release withdraw).');
      rmSync(folder(platform, version), { recursive: true, force: true });
    },
  };
}

export type Releases = ReturnType<typeof createReleases>;
