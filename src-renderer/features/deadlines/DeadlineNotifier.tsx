import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';

const EVERY_MS = 10 * 60_000;

/**
 * The desk's reminders about deadlines: on sign-in, what is overdue and what falls due by
 * tomorrow; later, whenever more cards become overdue. Shown in the app and, where the system
 * allows (Electron does), as a system notification too, so it is seen behind other windows.
 */
export function DeadlineNotifier() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const last = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    const count = async (filter: { overdueOnly?: boolean; dueWithinDays?: number }) =>
      (await call('appeals.list', { filter, offset: 0, limit: 1 })).total ?? 0;

    async function check() {
      try {
        const [overdue, soon] = await Promise.all([
          count({ overdueOnly: true }),
          count({ dueWithinDays: 1 }),
        ]);
        if (!live) return;
        let message: string | null = null;
        if (last.current === null && overdue + soon > 0) {
          message = t('deadlines.notifyStart', { overdue, soon });
        } else if (last.current !== null && overdue > last.current) {
          message = t('deadlines.notifyMore', { count: overdue - last.current });
        }
        last.current = overdue;
        if (!message) return;
        notifications.show({
          id: 'deadlines',
          color: overdue > 0 ? 'red' : 'yellow',
          title: t('deadlines.title'),
          message,
          autoClose: 8_000,
          onClick: () => navigate('/deadlines'),
          style: { cursor: 'pointer' },
        });
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          new Notification(t('deadlines.title'), { body: message });
        }
      } catch {
        // A locked screen or a lost session: the next check will tell.
      }
    }

    void check();
    const timer = setInterval(check, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [t, navigate]);

  return null;
}
