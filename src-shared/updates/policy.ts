import { z } from 'zod';

/** Where a desk's update stands (the header shows it; docs/updates.md). */
export const updateStatusSchema = z.object({
  phase: z.enum(['idle', 'checking', 'downloading', 'ready', 'error', 'unavailable']),
  /** This desk's version. */
  current: z.string(),
  /** The version being downloaded or ready to install. */
  next: z.string().nullable(),
  /** 0–1 while downloading. */
  progress: z.number().min(0).max(1),
  /** Why the last check or download failed, in Russian. */
  error: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export type InstallRefusal = 'not_ready' | 'editing' | 'syncing';

/**
 * Whether an update may be installed now. Never with a card being edited (the window closes to
 * install) and never while a sync is writing (the process ends to install); a desk's data stays
 * in its database across an update, so unsynced records are not at risk otherwise.
 */
export function installRefusal(s: {
  phase: UpdateStatus['phase'];
  editing: boolean;
  syncing: boolean;
}): InstallRefusal | null {
  if (s.phase !== 'ready') return 'not_ready';
  if (s.editing) return 'editing';
  if (s.syncing) return 'syncing';
  return null;
}

/**
 * The end of the day: an update that is ready installs by itself from `endOfDay` (local time,
 * 'HH:mm') once nobody has touched the desk for `idleMinutes` — or whenever the officer chooses
 * earlier, or when the application is closed.
 */
export function dueAtEndOfDay(
  now: Date,
  lastInputAt: Date,
  endOfDay = '19:00',
  idleMinutes = 10,
): boolean {
  const [h, m] = endOfDay.split(':').map(Number) as [number, number];
  const minutes = now.getHours() * 60 + now.getMinutes();
  return minutes >= h * 60 + m && now.getTime() - lastInputAt.getTime() >= idleMinutes * 60_000;
}
