import { ruNumber } from '../../src-shared/domain/dates';
import {
  Anchor,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfficesTable as Data } from '../../src-shared/console/api';
import type { AppealMetrics } from '../../src-shared/reports/appeal-metrics';
import type { Period } from '../../src-shared/reports/period';
import { listHref, pct } from '../features/reports/figures';

/** The columns of the offices table: a figure of the shared metrics each (docs/metrics.md). */
const COLUMNS = [
  { key: 'appeals', value: (m: AppealMetrics) => m.appeals, share: false },
  { key: 'complaints', value: (m: AppealMetrics) => m.complaints, share: false },
  { key: 'satisfiedShare', value: (m: AppealMetrics) => m.satisfiedShare, share: true },
  { key: 'unsatisfiedShare', value: (m: AppealMetrics) => m.unsatisfiedShare, share: true },
  { key: 'redirectedShare', value: (m: AppealMetrics) => m.redirectedShare, share: true },
  { key: 'meanDays', value: (m: AppealMetrics) => m.answerTime.meanDays, share: false },
  { key: 'inTimeShare', value: (m: AppealMetrics) => m.answerTime.inTimeShare, share: true },
  { key: 'overdue', value: (m: AppealMetrics) => m.answerTime.overdue, share: false },
] as const;
type Key = (typeof COLUMNS)[number]['key'] | 'name' | 'change';

const fmt = (v: number | null, share: boolean) => (v === null ? '—' : share ? pct(v) : ruNumber(v));

/**
 * Office × metric for the period, sortable by any column (click or Enter on its header), the
 * region's total below, the change in appeals against the previous quarter, and a bar chart
 * of the chosen metric per office. Every count opens the office's cards behind it.
 */
export function OfficesTable({
  data,
  previous,
  period,
}: {
  data: Data;
  previous: Data | null;
  period: Period;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'appeals', desc: true });
  const [chart, setChart] = useState<(typeof COLUMNS)[number]['key']>('appeals');
  const before = useMemo(
    () => new Map(previous?.offices.map((o) => [o.code, o.metrics.appeals]) ?? []),
    [previous],
  );
  const change = (code: string, now: number) => {
    const was = before.get(code);
    return was === undefined ? null : now - was;
  };
  const rows = useMemo(() => {
    const value = (o: Data['offices'][number]): number | string | null => {
      if (sort.key === 'name') return o.name;
      if (sort.key === 'change') return change(o.code, o.metrics.appeals);
      return COLUMNS.find((c) => c.key === sort.key)!.value(o.metrics);
    };
    return [...data.offices].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order =
        x === null
          ? 1
          : y === null
            ? -1
            : typeof x === 'string'
              ? x.localeCompare(String(y), 'ru')
              : x - (y as number);
      return (sort.desc ? -order : order) || a.code.localeCompare(b.code);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, sort, before]);
  const header = (key: Key, label: string, right = true) => {
    const active = sort.key === key;
    return (
      <Table.Th
        ta={right ? 'right' : 'left'}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => setSort({ key, desc: active ? !sort.desc : key !== 'name' })}
        >
          {label}
          {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };
  const drill = (code: string | null, extra: Record<string, string> = {}) =>
    listHref(period, { ...extra, ...(code ? { office: code } : {}) });
  const cells = (m: AppealMetrics, code: string | null) =>
    COLUMNS.map((c) => (
      <Table.Td key={c.key} ta="right">
        {c.key === 'appeals' && m.appeals > 0 ? (
          <Anchor component={Link} to={drill(code)}>
            {fmt(m.appeals, false)}
          </Anchor>
        ) : c.key === 'complaints' && m.complaints > 0 ? (
          <Anchor component={Link} to={drill(code, { kind: 'complaint' })}>
            {fmt(m.complaints, false)}
          </Anchor>
        ) : (
          fmt(c.value(m), c.share)
        )}
      </Table.Td>
    ));
  const delta = (d: number | null) =>
    d === null ? '—' : d === 0 ? '0' : `${d > 0 ? '+' : '−'}${ruNumber(Math.abs(d))}`;
  const column = COLUMNS.find((c) => c.key === chart)!;
  const max = Math.max(1, ...data.offices.map((o) => column.value(o.metrics) ?? 0));
  const regionBefore = previous?.region.appeals;
  return (
    <Stack>
      <Table striped withTableBorder data-testid="offices-table">
        <Table.Thead>
          <Table.Tr>
            {header('name', t('console.table.office'), false)}
            {COLUMNS.map((c) => header(c.key, t(`console.table.${c.key}`)))}
            {previous && header('change', t('console.table.change'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((o) => (
            <Table.Tr key={o.code} data-office={o.code}>
              <Table.Td>
                {o.name}{' '}
                <Text span c="dimmed" size="xs">
                  {o.code}
                </Text>
              </Table.Td>
              {cells(o.metrics, o.code)}
              {previous && (
                <Table.Td ta="right">{delta(change(o.code, o.metrics.appeals))}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-office="total">
            <Table.Td>{t('console.table.total')}</Table.Td>
            {cells(data.region, null)}
            {previous && (
              <Table.Td ta="right">
                {regionBefore === undefined ? '—' : delta(data.region.appeals - regionBefore)}
              </Table.Td>
            )}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Group align="end" justify="space-between">
        <Title order={3} size="h4">
          {t('console.table.chart')}
        </Title>
        <Select
          label={t('console.table.chartMetric')}
          w={280}
          data={COLUMNS.map((c) => ({ value: c.key, label: t(`console.table.${c.key}`) }))}
          value={chart}
          allowDeselect={false}
          onChange={(v) => v && setChart(v as typeof chart)}
        />
      </Group>
      <Stack gap={6} data-testid="offices-chart">
        {[...data.offices]
          .sort((a, b) => (column.value(b.metrics) ?? -1) - (column.value(a.metrics) ?? -1))
          .map((o) => {
            const v = column.value(o.metrics);
            return (
              <Group key={o.code} gap="sm" wrap="nowrap">
                <Text size="sm" w={260} truncate="end">
                  {o.name}
                </Text>
                <Progress
                  value={v === null ? 0 : column.share ? v : (v / max) * 100}
                  w={360}
                  aria-hidden
                />
                <Text size="sm">{fmt(v, column.share)}</Text>
              </Group>
            );
          })}
      </Stack>
    </Stack>
  );
}
