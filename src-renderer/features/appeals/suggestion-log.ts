import { call } from '../../api/client';

/**
 * The suggestions last shown for the card being edited (docs/topics.md): when the card is
 * saved, each shown code is recorded with its rank and whether the card was saved with it.
 * Codes and rank only; nothing of the text. One card is edited at a time in a window.
 */
let shown: { codes: string[]; modelVersion: number } | null = null;

export function noteShown(codes: string[], modelVersion: number) {
  shown = codes.length > 0 ? { codes: codes.slice(0, 10), modelVersion } : shown;
}

export function forgetShown() {
  shown = null;
}

/** After a save: what was shown against what was taken; a failure here never troubles the officer. */
export function recordTaken(taken: string[]) {
  const s = shown;
  shown = null;
  if (!s) return;
  call('classifier.suggestionFeedback', {
    shown: s.codes,
    taken: taken.slice(0, 50),
    modelVersion: s.modelVersion,
  }).catch(() => undefined);
}
