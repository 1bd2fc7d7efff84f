import { Button, Checkbox, Fieldset, Group, Select, Table, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS, type ServiceKind } from '../../../src-shared/domain/enums';
import type { Service } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { enumOptions } from '../appeals/field-binding';

/** Services, support measures and state functions an appeal may concern. */
export function ServicesEditor() {
  const { t } = useTranslation();
  const [services, setServices] = useState<Service[]>([]);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ServiceKind>('service');
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('services.list', {}).then(setServices, () => undefined);
  }, []);
  useEffect(reload, [reload]);

  const add = () =>
    call('services.save', { title, kind, active: true }).then(
      () => {
        setTitle('');
        setError(null);
        reload();
      },
      (e) => setError(errorMessage(t, e)),
    );

  return (
    <Fieldset legend={t('settings.services')}>
      <Table>
        <Table.Tbody>
          {services.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>{t(`enums.serviceKind.${s.kind}`)}</Table.Td>
              <Table.Td>
                <Checkbox
                  label={t('settings.active')}
                  checked={s.active}
                  onChange={(e) =>
                    void call('services.save', { ...s, active: e.currentTarget.checked }).then(
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
          label={t('settings.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          name="serviceTitle"
          error={error}
          w={400}
        />
        <Select
          label={t('settings.kind')}
          data={enumOptions(SERVICE_KINDS, t, 'serviceKind')}
          value={kind}
          onChange={(v) => v && setKind(v as ServiceKind)}
          allowDeselect={false}
        />
        <Button onClick={add}>{t('actions.add')}</Button>
      </Group>
    </Fieldset>
  );
}
