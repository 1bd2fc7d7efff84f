/**
 * Closed vocabularies of the reception card. Values are stable identifiers stored in the
 * database and sent over the wire; labels live in the renderer's i18n resources.
 */
export const APPEAL_KINDS = ['proposal', 'statement', 'complaint'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_FORMS = ['oral', 'written'] as const;
export type AppealForm = (typeof APPEAL_FORMS)[number];

/** Channels through which an appeal reaches the body (DOMAIN.md, "Appeals"). */
export const CHANNELS = [
  'personal_reception',
  'post',
  'email',
  'site_form',
  'site_reception',
  'gosuslugi',
  'feedback_platform',
  'social_media',
  'hotline',
  'event',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const APPLICANT_TYPES = ['person', 'organisation'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const SOCIAL_CATEGORIES = [
  'none',
  'pensioner',
  'disabled',
  'veteran',
  'combat_veteran',
  'svo_participant',
  'large_family',
  'low_income',
  'unemployed',
  'student',
  'orphan',
  'entrepreneur',
  'other',
] as const;
export type SocialCategory = (typeof SOCIAL_CATEGORIES)[number];

/** How the answer is given: orally at the reception, in writing within 30 days, or redirected. */
export const ANSWER_MODES = ['oral', 'written', 'redirected'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/**
 * Stored statuses. "Draft" is not a stored status: an unfinished card lives in the drafts
 * table until it is registered (see docs/architecture.md). "Overdue" is derived from the due
 * date, never stored.
 */
export const APPEAL_STATUSES = [
  'registered',
  'in_progress',
  'answered_oral',
  'answered_written',
  'redirected',
  'left_without_answer',
  'closed',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Statuses in which no answer is pending any more: such an appeal is never overdue. */
export const FINAL_STATUSES: readonly AppealStatus[] = [
  'answered_oral',
  'answered_written',
  'redirected',
  'left_without_answer',
  'closed',
];

/** Result of consideration. For complaints: supported = satisfied, refused = not satisfied. */
export const RESULTS = ['supported', 'refused', 'explained'] as const;
export type AppealResult = (typeof RESULTS)[number];

export const SERVICE_KINDS = ['service', 'support_measure', 'function'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
