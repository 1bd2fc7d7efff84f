import { z } from 'zod';

/**
 * Error codes that cross the boundary. The core throws typed errors; the transport turns them
 * into this envelope; the renderer turns codes and issue keys into Russian text.
 */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'unknown_method',
  'forbidden',
  /** No user is signed in on this window (or the session ended): the sign-in screen. */
  'unauthenticated',
  /** The screen is locked after inactivity: the user's password opens it again. */
  'session_locked',
  /** The central server could not be reached or refused; the detail says why, in Russian. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const issueSchema = z.object({
  /** Dotted path of the field, e.g. "visitorEmail" or "topicCodes.0". */
  path: z.string(),
  /** An i18n key such as "required" or "too_long". */
  message: z.string(),
  /** Values the message needs, e.g. { max: 200 }. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Issue = z.output<typeof issueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Details for logs and developers; the UI shows the translated code instead. */
  detail: z.string().optional(),
  issues: z.array(issueSchema).optional(),
});
export type ApiError = z.output<typeof apiErrorSchema>;

export type CallResult<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** The one error class that crosses layers; anything else is reported as "internal". */
export class OtklikError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly issues?: Issue[],
  ) {
    super(detail ?? code);
    this.name = 'OtklikError';
  }

  toApiError(): ApiError {
    return { code: this.code, detail: this.message, issues: this.issues };
  }
}

/** Turns zod issues into boundary issues whose message is an i18n key. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params: Record<string, number> = {};
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') params.max = issue.maximum;
    if (issue.code === 'too_small' && typeof issue.minimum === 'number') params.min = issue.minimum;
    return { path, message: keyOf(issue), params };
  });
}

const KNOWN_KEY = /^[a-z_]+$/;

function keyOf(issue: z.core.$ZodIssue): string {
  if (KNOWN_KEY.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'invalid_value') return 'invalid_choice';
  return 'invalid';
}
