import { readFileSync } from 'node:fs';
import type { ClassifierImportResult, ClassifierNode } from '../../../src-shared/domain/reference';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import { stemText, words, stemWord } from '../../../src-shared/text/stem';
import { parseClassifierCsv, type CsvNode } from '../../../src-shared/domain/classifier-csv';

/** The edition shipped in resources/classifier (see its README). */
export const BUNDLED_EDITION = '2025-10-31';

/** A row of classifier_nodes, as the reference modules read it. */
export interface NodeRow {
  code: string;
  title: string;
  parent_code: string | null;
  level: number;
  retired: number;
}

export const toNode = (r: NodeRow): ClassifierNode => ({
  code: r.code,
  title: r.title,
  parentCode: r.parent_code,
  level: r.level,
  retired: r.retired === 1,
});

/** The national thematic classifier: lookup, word search and loading new editions. */
export function createClassifier(ctx: CoreContext, settings: Settings) {
  const { db } = ctx;
  const count = db.prepare('SELECT count(*) FROM classifier_nodes').pluck();
  const byCode = db.prepare('SELECT * FROM classifier_nodes WHERE code = ?');
  const sections = db.prepare('SELECT * FROM classifier_nodes WHERE level = 1 ORDER BY code');
  const upsert = db.prepare(
    `INSERT INTO classifier_nodes (code, title, parent_code, level, search_text, retired)
     VALUES (@code, @title, @parentCode, @level, @searchText, 0)
     ON CONFLICT (code) DO UPDATE SET title = excluded.title, parent_code = excluded.parent_code,
       level = excluded.level, search_text = excluded.search_text, retired = 0`,
  );
  const existing = db.prepare('SELECT code, title, parent_code, retired FROM classifier_nodes');
  const retire = db.prepare('UPDATE classifier_nodes SET retired = 1 WHERE code = ?');

  const load = db.transaction((nodes: CsvNode[], edition: string): ClassifierImportResult => {
    const before = new Map((existing.all() as NodeRow[]).map((r) => [r.code, r] as const));
    let added = 0;
    let changed = 0;
    for (const node of nodes) {
      const old = before.get(node.code);
      if (!old) added++;
      else if (old.title !== node.title || old.parent_code !== node.parentCode || old.retired) {
        changed++;
      }
      upsert.run({ ...node, searchText: ` ${stemText(node.title)} ` });
      before.delete(node.code);
    }
    let retired = 0;
    for (const [code, row] of before) {
      if (!row.retired) {
        retire.run(code);
        retired++;
      }
    }
    settings.set('classifier_edition', edition);
    return { edition, total: nodes.length, added, changed, retired };
  });

  function importCsv(csv: string, edition: string): ClassifierImportResult {
    const { nodes, issues } = parseClassifierCsv(csv);
    if (issues.length > 0) throw new OtklikError('validation', 'classifier csv', issues);
    return load(nodes, edition);
  }

  return {
    size(): number {
      return count.get() as number;
    },
    edition(): string | null {
      return settings.value('classifier_edition');
    },
    /** Loads the shipped edition into an empty database (first start). */
    ensureLoaded(csvPath: string) {
      if (this.size() === 0) importCsv(readFileSync(csvPath, 'utf8'), BUNDLED_EDITION);
    },
    importCsv,
    get(codes: readonly string[]): ClassifierNode[] {
      return codes
        .map((c) => byCode.get(c) as NodeRow | undefined)
        .filter((r): r is NodeRow => r !== undefined)
        .map(toNode);
    },
    sections(): ClassifierNode[] {
      return (sections.all() as NodeRow[]).map(toNode);
    },
    /** By code prefix ("0005.0005") or by words of the title, any word form. */
    search(query: string, limit: number): ClassifierNode[] {
      const q = query.trim();
      if (q === '') return [];
      if (/^[\d.]+$/.test(q)) {
        return (
          db
            .prepare(
              `SELECT * FROM classifier_nodes WHERE code LIKE ? AND retired = 0
               ORDER BY code LIMIT ?`,
            )
            .all(`${q}%`, limit) as NodeRow[]
        ).map(toNode);
      }
      const stems = words(q).map(stemWord);
      // Only punctuation or symbols: nothing to look for.
      if (stems.length === 0) return [];
      const conditions = stems.map(() => `search_text LIKE ? ESCAPE '\\'`).join(' AND ');
      const params = stems.map((s) => `% ${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
      return (
        db
          .prepare(
            `SELECT * FROM classifier_nodes WHERE ${conditions} AND retired = 0
             ORDER BY CASE level WHEN 4 THEN 0 WHEN 5 THEN 1 ELSE 2 END, code LIMIT ?`,
          )
          .all(...params, limit) as NodeRow[]
      ).map(toNode);
    },
  };
}

export type Classifier = ReturnType<typeof createClassifier>;
