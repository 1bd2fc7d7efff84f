import type { Question } from './definition';
import { choiceText, choiceValue } from './model';

export interface Option {
  value: string;
  text: string;
  /** Printed after the option on paper only, e.g. «-> ПЕРЕХОД К 6 ВОПРОСУ». */
  paperNote?: string;
}

export type ServiceChoice = { id: string; title: string };

/**
 * The options of a choice question in printed order, numbered 1… on paper, on the kiosk and in
 * paper entry alike. "Choose the service from the list" takes the office's services.
 */
export function optionsOf(q: Question, services: readonly ServiceChoice[]): Option[] {
  if (q.type === 'dropdown' && q.choicesFromServices) {
    return services.map((s) => ({ value: s.id, text: s.title }));
  }
  if (q.type !== 'radiogroup' && q.type !== 'checkbox' && q.type !== 'dropdown') return [];
  return (q.choices ?? []).map((c) => ({
    value: String(choiceValue(c)),
    text: choiceText(c),
    ...(typeof c !== 'string' && c.paperNote ? { paperNote: c.paperNote } : {}),
  }));
}
