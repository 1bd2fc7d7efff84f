import type { TFunction } from 'i18next';
import type { Issue } from '../../src-shared/contract/errors';
import { ApiCallError } from '../api/client';

/** Field path → translated message, for the form to show next to each field. */
export type FieldErrors = Record<string, string>;

export function translateIssue(t: TFunction, issue: Issue): string {
  return t(`errors.${issue.message}`, { ...issue.params, defaultValue: t('errors.invalid') });
}

export function fieldErrors(t: TFunction, issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // "topicCodes.2" is shown on the topicCodes field; "data." is the card inside a call's input.
    const field = issue.path.replace(/^data\./, '').split('.')[0] ?? '';
    errors[field] ??= translateIssue(t, issue);
  }
  return errors;
}

/** A one-line Russian message for any failure of a core call. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) {
    const first = error.error.issues?.[0];
    if (error.error.code === 'validation' && first) return translateIssue(t, first);
    // The central server's own words (Russian): why it is unreachable or what it refused.
    if (error.error.code === 'unavailable' && error.error.detail) return error.error.detail;
    return t(`errors.code.${error.error.code}`);
  }
  return t('errors.code.internal');
}
