/**
 * The online survey's constants, apart from its zod schemas (online.ts) so the visitor's page
 * carries no zod: a phone on a slow link downloads what it uses.
 */

/** The public address's last part: 12 characters of an alphabet with no look-alikes (60 bits). */
export const ONLINE_SLUG = /^[a-km-z2-9]{12}$/;
export const ONLINE_SLUG_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';
/** Office codes as the central gives them (src-server/domain/offices.ts). */
export const OFFICE_CODE = /^[A-Z0-9]{1,20}$/;

export const ONLINE_LIMITS = {
  /** The whole answer body, in bytes: seed 003 filled to the brim is under 10 kB. */
  bodyBytes: 64 * 1024,
  closingText: 1000,
  /** Answers sent from one address in ten minutes (a town office's Wi-Fi is one address). */
  submitsPerAddress: 30,
  /** Responses held back until this many wait for an office (docs/anonymity.md). */
  releaseBatch: 5,
} as const;

export const ONLINE_STATES = ['open', 'closed', 'not_started', 'ended'] as const;
export type OnlineState = (typeof ONLINE_STATES)[number];

/** The cookie that marks a browser which answered a campaign: the same value for everyone. */
export const answeredCookie = (campaignId: string) => `otklik_done_${campaignId.slice(0, 8)}`;
