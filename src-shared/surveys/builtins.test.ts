import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choiceText, questionsOf, type SurveyDefinition } from './definition';
import { questionNumbers } from './logic';
import { parseSurveyDefinition } from './validate';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'resources/surveys');
const SEEDS = join(ROOT, '../shared/seeds');

function load(file: string): SurveyDefinition {
  const parsed = parseSurveyDefinition(readFileSync(join(DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return parsed.definition;
}

/** Every text a visitor reads: title, description, question titles, choices, scale, rows. */
function textsOf(form: SurveyDefinition): string[] {
  const texts = [form.title, ...(form.description ? [form.description] : [])];
  for (const q of questionsOf(form)) {
    texts.push(q.title, ...(q.description ? [q.description] : []));
    if ('choices' in q && q.choices) texts.push(...q.choices.map(choiceText));
    if (q.type === 'rating') texts.push(...q.rateValues.map((v) => v.text));
    if (q.type === 'matrix') texts.push(...q.rows.map((r) => r.text));
  }
  return texts;
}

/** The seed as plain text: list dashes and markdown emphasis dropped, spaces collapsed. */
const normalise = (s: string) =>
  s.replace(/^- /gm, '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
const seed = (prefix: string) => {
  const file = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith(prefix)) : null;
  return file ? normalise(readFileSync(join(SEEDS, file), 'utf8')) : null;
};

describe('built-in questionnaires', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('ships the four questionnaires issue 4 names, each valid in the profile', () => {
    expect(files.sort()).toEqual([
      'employee-conditions.json',
      'general-assessment.json',
      'service-recipient-000.json',
      'service-satisfaction-003.json',
    ]);
    for (const f of files) expect(questionsOf(load(f)).length).toBeGreaterThan(3);
  });

  const seed000 = seed('000_');
  const seed003 = seed('003_');
  it.skipIf(!seed000)(
    'seed 000 «Анкета получателя государственной услуги»: every text stands word for word in the seed',
    () => {
      const missing = textsOf(load('service-recipient-000.json'))
        .map(normalise)
        .filter((t) => !seed000!.includes(t));
      expect(missing).toEqual([]);
    },
  );
  it.skipIf(!seed003)(
    'seed 003 «Оценка удовлетворенности…»: every text stands word for word in the seed',
    () => {
      const form = load('service-satisfaction-003.json');
      const texts = [...textsOf(form).slice(1), form.title.replace('ОЦЕНКА ', ''), 'ОЦЕНКА'];
      expect(texts.map(normalise).filter((t) => !seed003!.includes(t))).toEqual([]);
    },
  );

  it('seed 000 keeps its printed numbering: the service line unnumbered, then 1 to 10', () => {
    const form = load('service-recipient-000.json');
    const numbers = questionNumbers(form);
    expect(numbers.has('service')).toBe(false);
    expect([...numbers.values()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...numbers.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => `q${i + 1}`));
  });

  it('the employee survey rates every topic the seeds list, on 5 points, with an open question', () => {
    const form = load('employee-conditions.json');
    const topics = questionsOf(form).find((q) => q.type === 'matrix');
    const rows = topics?.type === 'matrix' ? topics.rows.map((r) => r.text.toLowerCase()) : [];
    for (const word of [
      'оснащение',
      'регламентация',
      'автоматизации',
      'другими государственными органами',
      'профессионального развития',
      'должностного роста',
      'руководителем',
      'кадровой службой',
      'коллегами',
      'профессиональной деятельности (труда)',
    ]) {
      expect(
        rows.some((r) => r.includes(word)),
        word,
      ).toBe(true);
    }
    expect(topics?.type === 'matrix' && topics.columns.map((c) => c.value)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(questionsOf(form).some((q) => q.type === 'comment')).toBe(true);
  });
});
