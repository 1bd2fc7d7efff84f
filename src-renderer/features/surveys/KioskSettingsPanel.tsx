import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

/** How the kiosk behaves, its exit PIN, and a button to open it. */
export function KioskSettingsPanel() {
  const { t } = useTranslation();
  const [idleSeconds, setIdleSeconds] = useState(60);
  const [keepPartial, setKeepPartial] = useState(false);
  const [pinSet, setPinSet] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('kiosk.state', { channel: 'kiosk' }).then(
      (s) => {
        setIdleSeconds(s.settings.idleSeconds);
        setKeepPartial(s.settings.keepPartial);
        setPinSet(s.settings.pinSet);
      },
      () => undefined,
    );
  }, []);
  const save = () =>
    call('kiosk.saveSettings', { idleSeconds, keepPartial, ...(pin ? { pin } : {}) }).then(
      (s) => {
        setPinSet(s.pinSet);
        setPin('');
        setError(null);
        notifications.show({ color: 'green', message: t('settings.saved') });
      },
      (e) => setError(errorMessage(t, e)),
    );
  const open = () => {
    if (window.otklik?.openKiosk) void window.otklik.openKiosk();
    // Browser mode: a window of its own, without the officer's tab or its sign-in.
    else window.open('/kiosk', '_blank', 'noopener,noreferrer');
  };
  return (
    <Fieldset legend={t('surveys.kiosk')}>
      <Group align="end">
        <NumberInput
          label={t('surveys.idleSeconds')}
          value={idleSeconds}
          onChange={(v) => setIdleSeconds(Number(v) || 60)}
          min={15}
          max={600}
          w={260}
        />
        <PasswordInput
          label={pinSet ? t('surveys.newPin') : t('surveys.pinUnset')}
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value)}
          w={220}
        />
        <Checkbox
          label={t('surveys.keepPartial')}
          checked={keepPartial}
          onChange={(e) => setKeepPartial(e.currentTarget.checked)}
          mb={8}
        />
        <Button onClick={() => void save()}>{t('actions.save')}</Button>
        <Button variant="default" onClick={open} disabled={!pinSet}>
          {t('surveys.openKiosk')}
        </Button>
      </Group>
      {!pinSet && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('surveys.pinNeeded')}
        </Text>
      )}
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </Fieldset>
  );
}
