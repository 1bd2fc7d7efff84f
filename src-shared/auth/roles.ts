import { z } from 'zod';

/** The desk's user roles (issue 7). The kiosk needs no user at all. */
export const ROLES = ['registrar', 'official', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; each contract method needs one of these (or none: see access.ts). */
export const CAPABILITIES = [
  'cards.read',
  'cards.write',
  'reference.read',
  'reference.manage',
  'schedule.write',
  'surveys.manage',
  'reports.read',
  'sync.run',
  'sync.manage',
  'settings.manage',
  'users.manage',
  'audit.read',
  /** Files that carry visitors' personal data: the monthly report to ССТУ.РФ (issue 14). */
  'personal.export',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Registrars register visitors and cards; officials answer them, see the figures and send the
 * monthly report to ССТУ.РФ (it names the visitors); analysts read cards and reports without
 * changing anything or taking personal data away; administrators do everything, including
 * users, the audit trail and the desk's settings.
 */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  registrar: ['cards.read', 'cards.write', 'reference.read', 'schedule.write', 'sync.run'],
  official: [
    'cards.read',
    'cards.write',
    'reference.read',
    'schedule.write',
    'reports.read',
    'sync.run',
    'personal.export',
  ],
  analyst: ['cards.read', 'reference.read', 'reports.read'],
  admin: CAPABILITIES,
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

export const LOGIN = /^[a-z0-9._-]{2,40}$/;
export const PASSWORD_MIN = 8;

export const userSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** Until when sign-in is refused after too many failed attempts (ISO), or null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.output<typeof userSchema>;

const password = z.string().min(PASSWORD_MIN, 'password_short').max(200, 'too_long');

export const userInputSchema = z.object({
  id: z.uuid().nullable(),
  login: z.string().trim().toLowerCase().regex(LOGIN, 'invalid_login'),
  fullName: z.string().trim().min(1, 'required').max(200, 'too_long'),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** Required for a new user; for an existing one, given only to set a new password. */
  password: password.nullable(),
});

export const setupInputSchema = z.object({
  login: z.string().trim().toLowerCase().regex(LOGIN, 'invalid_login'),
  fullName: z.string().trim().min(1, 'required').max(200, 'too_long'),
  password,
});

export const authStatusSchema = z.object({
  /** No user exists yet: the first start creates the administrator. */
  needsSetup: z.boolean(),
  user: userSchema.nullable(),
  /** The session's screen is locked (inactivity or by hand): only unlock or sign-out work. */
  locked: z.boolean(),
  lockMinutes: z.number().int(),
  capabilities: z.array(z.enum(CAPABILITIES)),
});
export type AuthStatus = z.output<typeof authStatusSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  source: z.enum(['desk', 'sync']),
  /** 'export': the card's personal data left the desk in the monthly report to ССТУ.РФ. */
  action: z.enum(['create', 'update', 'export']),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
