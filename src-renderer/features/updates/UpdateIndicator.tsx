import { Badge, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { dueAtEndOfDay, type UpdateStatus } from '../../../src-shared/updates/policy';
import { call } from '../../api/client';

/** A card form is open: installing would close it (drafts are autosaved, but not mid-word). */
const EDITING = /^\/appeals\/(new|[^/]+\/edit)$/;
const POLL_MS = 60_000;

/**
 * The header's word on updates (docs/updates.md): «Загружается обновление…» while the desk
 * fetches it in the background, then a button to install it when the officer chooses; from the
 * end of the day (19:00) it installs by itself once nobody has touched the desk for ten minutes.
 * Never with a card open, never while a sync is writing (the core refuses then).
 */
export function UpdateIndicator() {
  const { t } = useTranslation();
  const location = useLocation();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const lastInput = useRef(new Date());
  const editing = EDITING.test(location.pathname);
  const editingRef = useRef(editing);
  useEffect(() => {
    editingRef.current = editing;
  }, [editing]);

  useEffect(() => {
    const touch = () => (lastInput.current = new Date());
    window.addEventListener('keydown', touch);
    window.addEventListener('pointerdown', touch);
    let alive = true;
    const poll = () =>
      call('updates.status', {}).then(
        (s) => {
          if (!alive) return;
          setStatus(s);
          if (
            s.phase === 'ready' &&
            !editingRef.current &&
            dueAtEndOfDay(new Date(), lastInput.current)
          )
            void call('updates.install', { editing: false });
        },
        () => undefined,
      );
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('keydown', touch);
      window.removeEventListener('pointerdown', touch);
    };
  }, []);

  if (!status || !status.next) return null;
  if (status.phase === 'downloading')
    return (
      <Badge variant="light" color="gray" data-testid="update-status">
        {t('updates.downloading', {
          version: status.next,
          percent: Math.round(status.progress * 100),
        })}
      </Badge>
    );
  if (status.phase !== 'ready') return null;
  const install = () => {
    setAsking(false);
    call('updates.install', { editing: EDITING.test(location.pathname) }).then(
      (r) =>
        r.refusal &&
        notifications.show({ color: 'yellow', message: t(`updates.refusal.${r.refusal}`) }),
      () => undefined,
    );
  };
  return (
    <>
      <Tooltip label={t('updates.readyHint')}>
        <Button
          size="xs"
          color="green"
          variant="light"
          onClick={() => setAsking(true)}
          data-testid="update-status"
        >
          {t('updates.ready', { version: status.next })}
        </Button>
      </Tooltip>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('updates.confirmTitle', { version: status.next })}
      >
        <Text size="sm">{t('updates.confirmText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('updates.later')}
          </Button>
          <Button onClick={install}>{t('updates.installNow')}</Button>
        </Group>
      </Modal>
    </>
  );
}
