import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quarterPeriod, type Period } from '../../../src-shared/reports/period';
import { DateField } from '../../app/DateFields';

export type PeriodChoice =
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export function periodOf(choice: PeriodChoice): Period {
  if (choice.kind === 'quarter') return quarterPeriod(choice.year, choice.quarter);
  if (choice.kind === 'year') return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
  return { from: choice.from, to: choice.to };
}

/** Quarter by default (the orders report quarterly), a whole year, or any period. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodChoice;
  onChange(v: PeriodChoice): void;
}) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const year = value.kind === 'custom' ? thisYear : value.year;
  const mode = value.kind === 'quarter' ? String(value.quarter) : value.kind;
  return (
    <Group align="end">
      <Select
        label={t('reports.year')}
        w={110}
        data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
        value={String(year)}
        allowDeselect={false}
        disabled={value.kind === 'custom'}
        onChange={(v) =>
          v &&
          onChange(
            value.kind === 'quarter'
              ? { ...value, year: Number(v) }
              : { kind: 'year', year: Number(v) },
          )
        }
      />
      <SegmentedControl
        aria-label={t('reports.period')}
        value={mode}
        onChange={(m) => {
          if (m === 'year') onChange({ kind: 'year', year });
          else if (m === 'custom') {
            const p = periodOf(value);
            onChange({ kind: 'custom', from: p.from, to: p.to });
          } else onChange({ kind: 'quarter', year, quarter: Number(m) as 1 | 2 | 3 | 4 });
        }}
        data={[
          { value: '1', label: t('reports.quarter', { n: 'I' }) },
          { value: '2', label: t('reports.quarter', { n: 'II' }) },
          { value: '3', label: t('reports.quarter', { n: 'III' }) },
          { value: '4', label: t('reports.quarter', { n: 'IV' }) },
          { value: 'year', label: t('reports.wholeYear') },
          { value: 'custom', label: t('reports.custom') },
        ]}
      />
      {value.kind === 'custom' && (
        <>
          <DateField
            label={t('list.from')}
            value={value.from}
            onChange={(v) => onChange({ ...value, from: v })}
          />
          <DateField
            label={t('list.to')}
            value={value.to}
            onChange={(v) => onChange({ ...value, to: v })}
          />
        </>
      )}
    </Group>
  );
}
