import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { FormState } from './form-state';

const DELAY_MS = 400;

/**
 * Saves the form state as a draft in the core shortly after every change, and once more when
 * the page is hidden or closed, so a closed window or a crash loses at most the last moment.
 */
export function useDraftAutosave(
  draftId: string | null,
  appealId: string | null,
  state: FormState | null,
  dirty: boolean,
) {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef({ draftId, appealId, state, dirty });
  useEffect(() => {
    latest.current = { draftId, appealId, state, dirty };
  });

  useEffect(() => {
    if (!dirty || !draftId || !state) return;
    const timer = setTimeout(() => {
      call('drafts.save', { id: draftId, appealId, data: state }).then(
        (r) => setSavedAt(r.updatedAt),
        () => undefined,
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftId, appealId, state, dirty]);

  useEffect(() => {
    const flush = () => {
      const { draftId: id, appealId: aid, state: s, dirty: d } = latest.current;
      if (d && id && s) void call('drafts.save', { id, appealId: aid, data: s });
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  return savedAt;
}
