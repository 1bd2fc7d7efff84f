import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionsOf, type Answers, type SurveyDefinition } from './definition';
import { applySkipLogic, questionNumbers } from './logic';
import { parseSurveyDefinition } from './validate';

const ROOT = join(import.meta.dirname, '../..');
const raw = readFileSync(join(ROOT, 'resources/surveys/service-satisfaction-003.json'), 'utf8');
const parsed = parseSurveyDefinition(raw);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const form: SurveyDefinition = parsed.definition;

const ALL: Answers = {
  q1: 'Назначение пособия',
  q2: ['gosuslugi'],
  q3: 5,
  q5: 4,
  q6: 'applied',
  q8: 'satisfied',
  q9: { application: 5, status_info: 4, documents: 3, speed: 5, electronic: 4 },
  q10: 'satisfied',
  q11: 'satisfied',
  q12: 'yes',
  q13: 'female',
  q14: '30_44',
  q15: 'higher',
};
const EVERY = questionsOf(form).map((q) => q.name);

describe('seed 003 «Оценка удовлетворенности…»: skip rules on every path', () => {
  const cases: [string | undefined, string | undefined, string[]][] = [
    ['portal', 'provided', ['q8']],
    ['portal', 'not_provided', []],
    ['portal', undefined, []],
    ['institution', 'provided', ['q5', 'q8']],
    ['institution', 'not_provided', ['q5']],
    ['institution', undefined, ['q5']],
    ['mfc', 'provided', ['q5', 'q8']],
    ['mfc', 'not_provided', ['q5']],
    ['mfc', undefined, ['q5']],
    [undefined, 'provided', ['q8']],
    [undefined, 'not_provided', []],
    [undefined, undefined, []],
  ];
  it.each(cases)('q4 = %s, q7 = %s hides %j and drops their answers', (q4, q7, hidden) => {
    const answers: Answers = { ...ALL, ...(q4 ? { q4 } : {}), ...(q7 ? { q7 } : {}) };
    const result = applySkipLogic(form, answers);
    expect(result.visible).toEqual(EVERY.filter((n) => !hidden.includes(n)));
    for (const name of hidden) expect(result.answers).not.toHaveProperty(name);
    for (const name of Object.keys(answers).filter((n) => !hidden.includes(n))) {
      expect(result.answers[name]).toEqual(answers[name]);
    }
  });

  it('keeps the printed numbering: 15 questions, the jumps go to 6 and to 9', () => {
    const numbers = questionNumbers(form);
    expect(numbers.size).toBe(15);
    expect([numbers.get('q5'), numbers.get('q6'), numbers.get('q8'), numbers.get('q9')]).toEqual([
      5, 6, 8, 9,
    ]);
    const q4 = questionsOf(form).find((q) => q.name === 'q4');
    const notes =
      q4 && 'choices' in q4
        ? q4.choices?.map((c) => (typeof c === 'string' ? '' : c.paperNote))
        : [];
    expect(notes).toEqual([undefined, '-> ПЕРЕХОД К 6 ВОПРОСУ', '-> ПЕРЕХОД К 6 ВОПРОСУ']);
  });
});
