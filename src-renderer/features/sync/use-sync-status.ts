import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';

export type SyncStatus = Output<'sync.status'>;

/** The desk's sync status, polled: every 5 s, every 0.5 s while a sync runs. */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const refresh = useCallback(
    () =>
      call('sync.status', {}).then(
        (s) => setStatus(s),
        () => undefined,
      ),
    [],
  );
  const running = status?.running ?? false;
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), running ? 500 : 5000);
    return () => clearInterval(timer);
  }, [refresh, running]);
  return { status, refresh };
}

export function formatTime(iso: string | null, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
