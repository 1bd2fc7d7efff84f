import { Button, Fieldset, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

export function DeskSettings() {
  const { t } = useTranslation();
  const [deskCode, setDeskCode] = useState('');
  const [dataDir, setDataDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then(
      (info) => {
        setDeskCode(info.deskCode);
        setDataDir(info.dataDir);
      },
      () => undefined,
    );
  }, []);
  const save = () =>
    call('settings.setDeskCode', { deskCode }).then(
      (r) => {
        setDeskCode(r.deskCode);
        setError(null);
        notifications.show({ color: 'green', message: t('settings.saved') });
      },
      (e) => setError(errorMessage(t, e)),
    );
  return (
    <Fieldset legend={t('settings.desk')}>
      <Group align="end">
        <TextInput
          label={t('settings.deskCode')}
          value={deskCode}
          onChange={(e) => setDeskCode(e.currentTarget.value)}
          error={error}
          name="deskCode"
        />
        <Button onClick={save}>{t('actions.save')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {t('settings.dataDir')}: {dataDir}
      </Text>
    </Fieldset>
  );
}
