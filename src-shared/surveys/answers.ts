import type { Issue } from '../contract/errors';
import type { Question, SurveyDefinition } from './definition';
import { choiceValue, questionsOf, type Answer, type Answers } from './model';
import { applySkipLogic } from './logic';

const OTHER = 'other';

function checkOne(q: Question, a: Answer, services: readonly string[]): string | null {
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown': {
      const allowed =
        q.type === 'dropdown' && q.choicesFromServices
          ? services
          : (q.choices ?? []).map(choiceValue);
      const ok =
        allowed.some((v) => String(v) === String(a)) ||
        (q.type === 'radiogroup' && q.hasOther && a === OTHER);
      return typeof a === 'string' || typeof a === 'number'
        ? ok
          ? null
          : 'answer_choice'
        : 'answer_invalid';
    }
    case 'checkbox': {
      if (!Array.isArray(a)) return 'answer_invalid';
      const allowed = q.choices.map((c) => String(choiceValue(c)));
      if (new Set(a).size !== a.length) return 'answer_invalid';
      return a.every((v) => allowed.includes(String(v)) || (q.hasOther && v === OTHER))
        ? null
        : 'answer_choice';
    }
    case 'rating':
      return q.rateValues.some((v) => v.value === a) ? null : 'answer_choice';
    case 'matrix': {
      if (typeof a !== 'object' || a === null || Array.isArray(a)) return 'answer_invalid';
      const rows = q.rows.map((r) => r.value);
      const cols = q.columns.map((c) => c.value);
      return Object.entries(a).every(([row, v]) => rows.includes(row) && cols.includes(v))
        ? null
        : 'answer_choice';
    }
    case 'comment':
      return typeof a !== 'string'
        ? 'answer_invalid'
        : a.length > (q.maxLength ?? 2000)
          ? 'too_long'
          : null;
  }
}

const blank = (a: Answer | undefined) =>
  a === undefined ||
  a === '' ||
  (Array.isArray(a) && a.length === 0) ||
  (typeof a === 'object' && !Array.isArray(a) && Object.keys(a).length === 0);

/**
 * The answers that will be stored: skip logic applied (hidden questions dropped), blanks
 * removed, every answer checked against its question, required visible questions present.
 * `services` are the ids a "choose the service" question may take.
 */
export function finalizeAnswers(
  definition: SurveyDefinition,
  raw: Answers,
  services: readonly string[] = [],
  options: { partial?: boolean } = {},
): { ok: true; answers: Answers } | { ok: false; issues: Issue[] } {
  const known = new Set(questionsOf(definition).map((q) => q.name));
  const issues: Issue[] = Object.keys(raw)
    .filter((k) => !known.has(k))
    .map((k) => ({ path: k, message: 'answer_unknown' }));
  const present = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => known.has(k) && !blank(v)),
  );
  const { visible, answers } = applySkipLogic(definition, present);
  for (const q of questionsOf(definition)) {
    if (!visible.includes(q.name)) continue;
    const a = answers[q.name];
    if (a === undefined) {
      if (q.isRequired && !options.partial)
        issues.push({ path: q.name, message: 'answer_required' });
      continue;
    }
    const problem = checkOne(q, a, services);
    if (problem) issues.push({ path: q.name, message: problem });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}

/**
 * The service a response is about: the answer to the questionnaire's "which service" question
 * (a dropdown filled from the services), or null when it has none or it was not answered.
 */
export function serviceAnswer(definition: SurveyDefinition, answers: Answers): string | null {
  const q = questionsOf(definition).find((x) => x.type === 'dropdown' && x.choicesFromServices);
  const a = q ? answers[q.name] : undefined;
  return typeof a === 'string' ? a : null;
}
