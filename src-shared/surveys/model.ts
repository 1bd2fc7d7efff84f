import type { Choice, Question, SurveyDefinition } from './definition';

/**
 * What the kiosk needs of a questionnaire at run time, without the zod schemas of
 * definition.ts (type imports only), so the kiosk's bundle does not carry zod.
 */

/** The answer to one question: a choice, several choices, a score, matrix row scores or text. */
export type Answer = string | number | string[] | Record<string, number>;
export type Answers = Record<string, Answer>;

export function questionsOf(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((p) => p.elements);
}

export function choiceValue(c: Choice): string | number {
  return typeof c === 'string' ? c : c.value;
}

export function choiceText(c: Choice): string {
  return typeof c === 'string' ? c : c.text;
}
