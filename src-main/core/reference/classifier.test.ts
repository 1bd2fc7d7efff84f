import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../src-shared/contract/api';
import { appealInput } from '../../../test/helpers/appeal-input';
import { RESOURCES, tempCore } from '../../../test/helpers/temp-core';

const BUNDLED = readFileSync(join(RESOURCES, 'classifier', 'thematic-classifier.csv'), 'utf8');
let core: ReturnType<typeof tempCore>;
beforeEach(() => (core = tempCore()));
afterEach(() => core.cleanup());

const search = (query: string) => {
  const r = core.dispatch('classifier.search', { query, limit: 50 });
  if (!r.ok) throw new Error('search failed');
  return r.result as Output<'classifier.search'>;
};

describe('thematic classifier', () => {
  it('ships the full edition of 31.10.2025 and loads it on first start', () => {
    const info = core.dispatch('app.info', {}) as { result: Output<'app.info'> };
    expect(info.result.classifierSize).toBe(2108);
    expect(info.result.classifierEdition).toBe('2025-10-31');
    const levels = core.db
      .prepare('SELECT level, count(*) n FROM classifier_nodes GROUP BY level ORDER BY level')
      .all();
    expect(levels).toEqual([
      { level: 1, n: 5 },
      { level: 2, n: 21 },
      { level: 3, n: 206 },
      { level: 4, n: 1225 },
      { level: 5, n: 651 },
    ]);
  });

  it('keeps titles with quotes intact', () => {
    const nodes = search('Ветеран труда');
    expect(nodes.some((n) => n.title.includes('"Ветеран труда"'))).toBe(true);
  });

  it('finds codes by prefix and by words in any form, questions first', () => {
    expect(search('0005.0005.0056.116').map((n) => n.code)).toContain('0005.0005.0056.1160');
    const byWords = search('твердые коммунальные отходы');
    expect(byWords[0]?.code).toBe('0005.0005.0056.1160');
    expect(search('отходам').map((n) => n.code)).toContain('0005.0005.0056.1160');
  });

  it('imports a newer edition: adds, renames and retires without losing old cards', () => {
    const official = core.dispatch('officials.save', {
      fullName: 'П',
      position: 'Д',
      active: true,
    }) as {
      result: { id: string };
    };
    const card = core.dispatch('appeals.create', {
      data: appealInput(official.result.id, { topicCodes: ['0001.0001.0001.0001'] }),
    }) as {
      result: Output<'appeals.get'>;
    };
    const lines = BUNDLED.trimEnd().split('\n');
    const edited = lines
      .filter((l) => !l.startsWith('0001.0001.0001.0001;'))
      .map((l) =>
        l.startsWith('0001.0001.0001.0002;') ? l.replace('Конституции, уставы', 'Уставы') : l,
      );
    edited.push('0005.0005.0056.9999;Новый вопрос;0005.0005.0056.0000;4');
    const r = core.dispatch('classifier.import', { csv: edited.join('\n'), edition: '2026-06-30' });
    expect(r).toEqual({
      ok: true,
      result: { edition: '2026-06-30', total: 2108, added: 1, changed: 1, retired: 1 },
    });
    expect(search('0001.0001.0001.000').map((n) => n.code)).toEqual([
      '0001.0001.0001.0000',
      '0001.0001.0001.0002',
    ]);
    const retired = core.dispatch('classifier.get', { codes: ['0001.0001.0001.0001'] }) as {
      result: Output<'classifier.get'>;
    };
    expect(retired.result[0]?.retired).toBe(true);
    // The old card keeps its retired code when edited; a new card may not use it.
    const { id, regNumber, deskCode, dueDate, overdue, createdAt, updatedAt, ...data } =
      card.result;
    expect(core.dispatch('appeals.update', { id, expectedUpdatedAt: updatedAt, data }).ok).toBe(
      true,
    );
    expect(core.dispatch('appeals.create', { data })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('refuses a broken file whole, naming the lines', () => {
    const broken = BUNDLED.replace('0001.0001.0001.0002;', '0001.0001.0001.02;').replace(
      '0001.0001.0002.0003;Государственные',
      '0001.0001.0002.0003;;Государственные',
    );
    const r = core.dispatch('classifier.import', { csv: broken, edition: 'bad' }) as unknown as {
      ok: false;
      error: { code: string; issues: { message: string; params: { line: number } }[] };
    };
    expect(r.ok).toBe(false);
    expect(r.error.issues.map((i) => [i.message, i.params.line])).toEqual([
      ['csv_code', 6],
      ['csv_title', 8],
    ]);
    expect(
      (core.dispatch('app.info', {}) as { result: Output<'app.info'> }).result.classifierEdition,
    ).toBe('2025-10-31');
  });

  it('refuses a file without the header or with an orphan node', () => {
    const noHeader = core.dispatch('classifier.import', {
      csv: BUNDLED.split('\n').slice(1).join('\n'),
      edition: 'x',
    });
    expect(noHeader).toMatchObject({ ok: false, error: { issues: [{ message: 'csv_header' }] } });
    const orphan = core.dispatch('classifier.import', {
      csv: `${BUNDLED.trimEnd()}\n0009.0001.0001.0001;Сирота;0009.0001.0001.0000;4\n`,
      edition: 'x',
    });
    expect(orphan).toMatchObject({ ok: false, error: { issues: [{ message: 'csv_parent' }] } });
  });
});
