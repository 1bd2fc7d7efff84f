/**
 * Who may do what in the central console (docs/console.md). One table, read by the server to
 * refuse and by the console to hide what a role cannot use.
 */
export const CONSOLE_ROLES = ['admin', 'analyst', 'office_viewer'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const CONSOLE_ROLE_LABELS: Record<ConsoleRole, string> = {
  admin: 'Администратор региона',
  analyst: 'Аналитик',
  office_viewer: 'Наблюдатель органа',
};

export const CONSOLE_CAPABILITIES = {
  /** Offices, desks, enrollment, accounts, the audit log, reference data, packages. */
  'region.admin': ['admin'],
  /** Reports and exports of the whole region and of any office. */
  'reports.region': ['admin', 'analyst'],
  /** Reports of the viewer's own office (every role has it; office viewers only their own). */
  'reports.office': ['admin', 'analyst', 'office_viewer'],
  /** Visitors' names and the text of an appeal in the cards behind a figure. */
  'personal.view': ['admin'],
  /** Files that carry visitors' personal data away (the monthly ССТУ file). */
  'personal.export': ['admin'],
} as const satisfies Record<string, readonly ConsoleRole[]>;
export type ConsoleCapability = keyof typeof CONSOLE_CAPABILITIES;

export function roleCan(role: ConsoleRole, capability: ConsoleCapability): boolean {
  return (CONSOLE_CAPABILITIES[capability] as readonly ConsoleRole[]).includes(role);
}

/** Password rules of a console account (checked on the server; the form shows them). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
