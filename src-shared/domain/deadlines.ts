import { addDays, datePart } from './dates';
import { FINAL_STATUSES, type AnswerMode, type AppealStatus } from './enums';

/** 59-FZ art. 12: a written answer is due within 30 days of registration. */
export const WRITTEN_ANSWER_DAYS = 30;
/** 59-FZ art. 8 part 3: an appeal outside the body's competence is redirected within 7 days. */
export const REDIRECT_DAYS = 7;

/**
 * The due date of an appeal, or null when none applies (an oral answer given at the reception).
 *
 * Our reading of "в течение 30 дней со дня регистрации": the term starts on the day after
 * registration (Civil Code art. 191) and ends on the 30th calendar day, so an appeal registered
 * on 1 March is due on 31 March. Weekends and holidays do not move the date: 59-FZ counts
 * calendar days and does not carry art. 193's shift; docs/architecture.md records this reading.
 */
export function dueDateFor(
  registeredAt: string,
  answerMode: AnswerMode | null,
  extensionDays: number | null = null,
): string | null {
  const registered = datePart(registeredAt);
  switch (answerMode) {
    case 'oral':
      return null;
    case 'redirected':
      return addDays(registered, REDIRECT_DAYS);
    case 'written':
    case null:
      // Art. 12 part 2: extended "не более чем на 30 дней", with the applicant told why.
      return addDays(registered, WRITTEN_ANSWER_DAYS + (extensionDays ?? 0));
  }
}

/** Days from `today` to the due date: negative when overdue. */
export function daysLeft(dueDate: string, today: string): number {
  return Math.round((Date.parse(dueDate) - Date.parse(today)) / 86_400_000);
}

export function isOverdue(dueDate: string | null, status: AppealStatus, today: string): boolean {
  if (dueDate === null) return false;
  if (FINAL_STATUSES.includes(status)) return false;
  return dueDate < today;
}
