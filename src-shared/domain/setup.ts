import { z } from 'zod';

/**
 * What a fresh desk needs before an office relies on it, in the order an administrator does it
 * (docs/guide: «Первый запуск»). Each step ticks itself off from the desk's own state.
 */
export const SETUP_STEPS = ['officials', 'services', 'deskCode', 'central', 'kioskPin'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const setupChecklistSchema = z.object({
  steps: z.array(z.object({ step: z.enum(SETUP_STEPS), done: z.boolean() })),
  /** Hidden by an administrator before every step was done. */
  dismissed: z.boolean(),
});
export type SetupChecklist = z.infer<typeof setupChecklistSchema>;
