import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  TagsInput,
  Table,
  TextInput,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../appeals/format';
import { DateField } from '../../app/DateFields';

/** Campaigns: a published questionnaire, a period, and where it is asked (kiosk, paper). */
export function CampaignsPanel({ templates }: { templates: Output<'surveys.templates'> }) {
  const { t } = useTranslation();
  const [campaigns, setCampaigns] = useState<Output<'surveys.campaigns'>>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [deskCodes, setDeskCodes] = useState<string[]>([]);
  const [services, setServices] = useState<{ value: string; label: string }[]>([]);
  const [kiosk, setKiosk] = useState(true);
  const [paper, setPaper] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('surveys.campaigns', {}).then(setCampaigns, () => undefined);
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    call('services.list', {}).then(
      (list) =>
        setServices(list.filter((x) => x.active).map((x) => ({ value: x.id, label: x.title }))),
      () => undefined,
    );
  }, []);
  const serviceTitle = (id: string) => services.find((x) => x.value === id)?.label ?? id;
  const published = templates.filter((x) => x.status === 'published');
  const titleOf = (id: string) => templates.find((x) => x.id === id)?.title ?? '';

  const add = () =>
    call('surveys.saveCampaign', {
      templateId: templateId ?? '',
      title,
      startsOn,
      endsOn,
      serviceIds,
      deskCodes,
      channels: [...(kiosk ? ['kiosk' as const] : []), ...(paper ? ['paper' as const] : [])],
      active: true,
    }).then(
      () => {
        setTitle('');
        setServiceIds([]);
        setDeskCodes([]);
        setError(null);
        reload();
      },
      (e) => setError(errorMessage(t, e)),
    );

  return (
    <Fieldset legend={t('surveys.campaigns')}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('surveys.campaignTitle')}</Table.Th>
            <Table.Th>{t('surveys.template')}</Table.Th>
            <Table.Th>{t('surveys.period')}</Table.Th>
            <Table.Th>{t('surveys.services')}</Table.Th>
            <Table.Th>{t('surveys.desks')}</Table.Th>
            <Table.Th>{t('surveys.channels')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td maw={380}>{titleOf(c.templateId)}</Table.Td>
              <Table.Td>
                {formatDate(c.startsOn)} — {formatDate(c.endsOn)}
              </Table.Td>
              <Table.Td maw={260}>
                {c.serviceIds.length === 0
                  ? t('surveys.allServices')
                  : c.serviceIds.map(serviceTitle).join('; ')}
              </Table.Td>
              <Table.Td>
                {c.deskCodes.length === 0 ? t('surveys.allDesks') : c.deskCodes.join(', ')}
              </Table.Td>
              <Table.Td>
                {c.channels.map((ch) => (
                  <Badge key={ch} variant="light" mr={4}>
                    {t(`surveys.channel.${ch}`)}
                  </Badge>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end" mt="sm">
        <Select
          label={t('surveys.template')}
          data={published.map((x) => ({
            value: x.id,
            label: t('surveys.templateOption', { title: x.title, version: x.version }),
          }))}
          value={templateId}
          onChange={setTemplateId}
          w={340}
        />
        <TextInput
          label={t('surveys.campaignTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <DateField label={t('surveys.from')} value={startsOn} onChange={setStartsOn} />
        <DateField label={t('surveys.to')} value={endsOn} onChange={setEndsOn} />
        <MultiSelect
          label={t('surveys.services')}
          placeholder={serviceIds.length === 0 ? t('surveys.allServices') : undefined}
          data={services}
          value={serviceIds}
          onChange={setServiceIds}
          searchable
          w={340}
        />
        <TagsInput
          label={t('surveys.desks')}
          placeholder={deskCodes.length === 0 ? t('surveys.allDesks') : undefined}
          value={deskCodes}
          onChange={(v) => setDeskCodes(v.map((x) => x.trim().toUpperCase()))}
          w={220}
        />
        <Checkbox
          label={t('surveys.channel.kiosk')}
          checked={kiosk}
          onChange={(e) => setKiosk(e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('surveys.channel.paper')}
          checked={paper}
          onChange={(e) => setPaper(e.currentTarget.checked)}
          mb={8}
        />
        <Button onClick={() => void add()}>{t('actions.add')}</Button>
      </Group>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </Fieldset>
  );
}
