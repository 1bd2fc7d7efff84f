import { Button, Fieldset, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

/** The office's id in ССТУ.РФ, which every record of the monthly report carries. */
export function SstuSettings() {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('sstu.settings', {}).then(
      (s) => setDepartmentId(s.departmentId ?? ''),
      () => undefined,
    );
  }, []);
  const save = () =>
    call('sstu.saveSettings', { departmentId: departmentId.trim().toLowerCase() || null }).then(
      () => {
        setError(null);
        notifications.show({ color: 'green', message: t('settings.saved') });
      },
      (e) => setError(errorMessage(t, e)),
    );
  return (
    <Fieldset legend={t('reports.sstu.title')}>
      <Group align="end">
        <TextInput
          label={t('reports.sstu.department')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.currentTarget.value)}
          error={error}
          name="sstuDepartmentId"
          w={420}
          placeholder="00000000-0000-0000-0000-000000000000"
        />
        <Button onClick={save}>{t('actions.save')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {t('settings.sstuHint')}
      </Text>
    </Fieldset>
  );
}
