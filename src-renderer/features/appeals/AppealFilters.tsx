import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS } from '../../../src-shared/domain/enums';
import { enumOptions } from './field-binding';
import type { Reference } from './use-reference';
import { DateField } from '../../app/DateFields';

/** Set by the figures of a report: no control of their own; a chip shows and clears them. */
export const REPORT_KEYS = [
  'form',
  'result',
  'mode',
  'topic',
  'answeredFrom',
  'answeredTo',
  'late',
  'open',
  'qstatus',
  'qgroup',
] as const;
export const FILTER_KEYS = [
  'q',
  'from',
  'to',
  'status',
  'channel',
  'kind',
  'section',
  'official',
  'overdue',
  ...REPORT_KEYS,
] as const;
export type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

interface Props {
  values: FilterValues;
  onChange(key: keyof FilterValues, value: string): void;
  reference: Reference;
}

/** Search box and filters of the card list; their values live in the URL. */
export function AppealFilters({ values, onChange, reference }: Props) {
  const { t } = useTranslation();
  const select = (
    key: keyof FilterValues,
    placeholder: string,
    data: { value: string; label: string }[],
  ) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      data={data}
      value={values[key] || null}
      onChange={(v) => onChange(key, v ?? '')}
      clearable
      w={200}
    />
  );
  return (
    <Group align="end" gap="xs">
      <TextInput
        type="search"
        aria-label={t('actions.search')}
        placeholder={t('list.searchPlaceholder')}
        value={values.q}
        onChange={(e) => onChange('q', e.currentTarget.value)}
        w={360}
        data-autofocus
        name="q"
      />
      <DateField
        label={t('list.from')}
        value={values.from}
        onChange={(v) => onChange('from', v)}
        name="from"
        w={170}
      />
      <DateField
        label={t('list.to')}
        value={values.to}
        onChange={(v) => onChange('to', v)}
        name="to"
        w={170}
      />
      {select('status', t('list.anyStatus'), enumOptions(APPEAL_STATUSES, t, 'status'))}
      {select('channel', t('list.anyChannel'), enumOptions(CHANNELS, t, 'channel'))}
      {select('kind', t('list.anyKind'), enumOptions(APPEAL_KINDS, t, 'kind'))}
      {select(
        'section',
        t('list.anySection'),
        reference.sections.map((s) => ({
          value: s.code,
          label: `${s.code.slice(0, 4)} ${s.title}`,
        })),
      )}
      {select(
        'official',
        t('list.anyOfficial'),
        reference.officials.map((o) => ({ value: o.id, label: o.fullName })),
      )}
      <Checkbox
        label={t('list.overdueOnly')}
        checked={values.overdue === '1'}
        onChange={(e) => onChange('overdue', e.currentTarget.checked ? '1' : '')}
        mb={8}
      />
    </Group>
  );
}
