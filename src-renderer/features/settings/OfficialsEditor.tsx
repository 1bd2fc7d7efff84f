import { Button, Checkbox, Fieldset, Group, Table, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Official } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

/** Officials who conduct receptions: add, rename, deactivate (never delete: old cards name them). */
export function OfficialsEditor() {
  const { t } = useTranslation();
  const [officials, setOfficials] = useState<Official[]>([]);
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('officials.list', {}).then(setOfficials, () => undefined);
  }, []);
  useEffect(reload, [reload]);

  const add = () =>
    call('officials.save', { fullName, position, active: true }).then(
      () => {
        setFullName('');
        setPosition('');
        setError(null);
        reload();
      },
      (e) => setError(errorMessage(t, e)),
    );

  return (
    <Fieldset legend={t('settings.officials')}>
      <Table>
        <Table.Tbody>
          {officials.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.fullName}</Table.Td>
              <Table.Td>{o.position}</Table.Td>
              <Table.Td>
                <Checkbox
                  label={t('settings.active')}
                  checked={o.active}
                  onChange={(e) =>
                    void call('officials.save', { ...o, active: e.currentTarget.checked }).then(
                      reload,
                    )
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end" mt="sm">
        <TextInput
          label={t('settings.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          name="officialName"
          error={error}
        />
        <TextInput
          label={t('settings.position')}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
          name="officialPosition"
        />
        <Button onClick={add}>{t('actions.add')}</Button>
      </Group>
    </Fieldset>
  );
}
