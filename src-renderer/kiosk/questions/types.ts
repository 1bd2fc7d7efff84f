import type { Answer, Question } from '../../../src-shared/surveys/definition';

export interface QuestionProps<Q extends Question = Question> {
  question: Q;
  value: Answer | undefined;
  onChange(value: Answer | undefined): void;
  /** For "choose the service from a list" questions. */
  services: { id: string; title: string }[];
  /** The kiosk's on-screen keyboard under open answers (a phone has its own). */
  onScreenKeyboard?: boolean;
}
