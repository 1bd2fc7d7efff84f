import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseClassifierCsv } from '../../src-shared/domain/classifier-csv';
import type { ClassifierEntry, TopicIndex } from '../../src-shared/topics/model';
import type { CodedAppeal } from './appeals';

/** The built-in classifier (resources/classifier) as the suggestion index reads it. */
export function classifierEntries(): ClassifierEntry[] {
  const csv = readFileSync(
    resolve(import.meta.dirname, '../../resources/classifier/thematic-classifier.csv'),
    'utf8',
  );
  return parseClassifierCsv(csv).nodes.map((n) => ({
    code: n.code,
    title: n.title,
    parentCode: n.parentCode,
    level: n.level,
  }));
}

export const themeOf = (code: string) => code.split('.').slice(0, 3).join('.');
export const sectionOf = (code: string) => code.split('.')[0]!;

export interface Figures {
  n: number;
  question1: number;
  question3: number;
  theme1: number;
  theme3: number;
  section1: number;
  section3: number;
  /** The first suggestion's section is the section of any code the letter has (not only the main). */
  section1Any: number;
  /** Appeals with two requests whose both codes are among the first five suggestions. */
  both5: number;
  multi: number;
}

/**
 * Top-1 / top-3 at question, theme and section level of the main code (the first the
 * registrar gave), for any suggester that returns ranked codes.
 */
export function measure(cases: CodedAppeal[], suggest: (text: string) => string[]): Figures {
  const f: Figures = {
    n: cases.length,
    question1: 0,
    question3: 0,
    theme1: 0,
    theme3: 0,
    section1: 0,
    section3: 0,
    section1Any: 0,
    both5: 0,
    multi: 0,
  };
  for (const c of cases) {
    const got = suggest(c.text);
    const main = c.codes[0]!;
    const top3 = got.slice(0, 3);
    if (got[0] === main) f.question1++;
    if (top3.includes(main)) f.question3++;
    if (got[0] && themeOf(got[0]) === themeOf(main)) f.theme1++;
    if (top3.some((g) => themeOf(g) === themeOf(main))) f.theme3++;
    if (got[0] && sectionOf(got[0]) === sectionOf(main)) f.section1++;
    if (top3.some((g) => sectionOf(g) === sectionOf(main))) f.section3++;
    if (got[0] && c.codes.some((code) => sectionOf(code) === sectionOf(got[0]!))) f.section1Any++;
    if (c.codes.length > 1) {
      f.multi++;
      if (c.codes.every((code) => got.slice(0, 5).includes(code))) f.both5++;
    }
  }
  const share = (k: number) => k / Math.max(1, cases.length);
  return {
    n: f.n,
    question1: share(f.question1),
    question3: share(f.question3),
    theme1: share(f.theme1),
    theme3: share(f.theme3),
    section1: share(f.section1),
    section3: share(f.section3),
    section1Any: share(f.section1Any),
    both5: f.multi ? f.both5 / f.multi : 0,
    multi: f.multi,
  };
}

export const codesOf =
  (index: TopicIndex, limit = 5) =>
  (text: string) =>
    index.suggest(text, limit).map((s) => s.code);
