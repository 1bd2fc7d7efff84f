import { CLASSIFIER_CODE, levelOf } from './classifier';
import type { Issue } from '../contract/errors';

export interface CsvNode {
  code: string;
  title: string;
  parentCode: string | null;
  level: number;
}

const HEADER = 'code;title;parent_code;level';

/**
 * The parser's problems in Russian ({{line}}: the file's line): the desk's i18n resources and
 * the central console's answers use these same texts.
 */
export const CSV_ISSUES_RU = {
  csv_header: 'Строка {{line}}: ожидается заголовок code;title;parent_code;level',
  csv_code: 'Строка {{line}}: неверный код',
  csv_duplicate: 'Строка {{line}}: код повторяется',
  csv_title: 'Строка {{line}}: пустое наименование',
  csv_level: 'Строка {{line}}: уровень не соответствует коду',
  csv_parent: 'Строка {{line}}: нет родительского узла',
  csv_empty: 'Файл не содержит ни одной строки классификатора',
} as const;

/** One problem of the parser as a Russian sentence. */
export function csvIssueRu(issue: Issue): string {
  const text = CSV_ISSUES_RU[issue.message as keyof typeof CSV_ISSUES_RU] ?? issue.message;
  return text.replace('{{line}}', String(issue.params?.line ?? ''));
}

/** Splits one line of the classifier's CSV (`;`-separated, RFC 4180 quoting). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Parses and checks a classifier edition in the format of shared/data/thematic-classifier.csv.
 * Every problem is reported with its line number; nothing is returned unless the whole file is
 * consistent (codes well formed and unique, levels matching codes, every parent present).
 */
export function parseClassifierCsv(text: string): { nodes: CsvNode[]; issues: Issue[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const issues: Issue[] = [];
  const problem = (line: number, message: string) =>
    issues.length < 50 && issues.push({ path: `line.${line}`, message, params: { line } });
  if (lines[0]?.trim() !== HEADER) {
    problem(1, 'csv_header');
    return { nodes: [], issues };
  }
  const nodes: CsvNode[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((raw, i) => {
    const lineNo = i + 2;
    if (raw.trim() === '') return;
    const [code = '', title = '', parent = '', level = ''] = splitCsvLine(raw);
    if (!CLASSIFIER_CODE.test(code)) return problem(lineNo, 'csv_code');
    if (seen.has(code)) return problem(lineNo, 'csv_duplicate');
    if (title.trim() === '') return problem(lineNo, 'csv_title');
    if (Number(level) !== levelOf(code)) return problem(lineNo, 'csv_level');
    seen.add(code);
    nodes.push({ code, title: title.trim(), parentCode: parent || null, level: Number(level) });
  });
  nodes.forEach((n) => {
    if (n.level === 1 ? n.parentCode !== null : !n.parentCode || !seen.has(n.parentCode)) {
      problem(lines.findIndex((l) => l.startsWith(n.code + ';')) + 1, 'csv_parent');
    }
  });
  if (nodes.length === 0 && issues.length === 0) problem(2, 'csv_empty');
  return { nodes: issues.length > 0 ? [] : nodes, issues };
}
