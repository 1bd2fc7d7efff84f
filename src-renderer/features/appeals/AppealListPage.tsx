import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { filterFromParams, type AppealFilter } from '../../../src-shared/domain/appeal-list';
import { errorMessage } from '../../app/errors';
import { AppealFilters, FILTER_KEYS, REPORT_KEYS, type FilterValues } from './AppealFilters';
import { formatDate, formatDateTime } from './format';
import { useAppealPages } from './use-appeal-pages';
import { useReference } from './use-reference';
import { SetupChecklist } from '../setup/SetupChecklist';

const ROW_HEIGHT = 68;
const COLUMNS = { number: 210, date: 130, applicant: 260, status: 190, kind: 120, due: 110 };

/** All cards, newest first, filtered and searched; a virtual list so 100k rows scroll smoothly. */
export default function AppealListPage() {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? '']),
  ) as FilterValues;
  // The search box holds its own text and writes it to the address once typing pauses: bound
  // to the address directly, it would lag behind the keyboard (react-router updates the address
  // in a transition) and a fast typist's text could be overwritten by the address's older one.
  const [text, setText] = useState(values.q);
  const [addressQ, setAddressQ] = useState(values.q);
  const [written, setWritten] = useState(values.q);
  if (values.q !== addressQ) {
    setAddressQ(values.q);
    // The address changed from elsewhere (a link from a report, Back): the box follows it.
    if (values.q !== written) setText(values.q);
  }
  const [query] = useDebouncedValue(text, 250);
  useEffect(() => {
    if (query === written) return;
    setWritten(query);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (query) next.set('q', query);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [query, written, setParams]);
  // The filters of the address (one rule with the central console's drill-down), its query
  // included: the list follows the address, never the box, so new results show only once the
  // address holds their query — a click on one of them can no longer be undone by the address
  // write still under way (it would replace the card's address with the list's).
  const search = params.toString();
  const filter = useMemo<AppealFilter>(
    () => filterFromParams(new URLSearchParams(search)),
    [search],
  );
  const { total, itemAt, error } = useAppealPages(filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change identity each render by design; this page does not memo.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const onChange = (key: keyof FilterValues, value: string) => {
    if (key === 'q') {
      setText(value);
      return;
    }
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack h="calc(100vh - 90px)">
      <Group justify="space-between">
        <Title order={2}>{t('nav.appeals')}</Title>
        <Text c="dimmed" data-testid="total">
          {total === null
            ? t('list.loading')
            : t('list.total', { count: total.toLocaleString(i18n.language) })}
        </Text>
      </Group>
      <SetupChecklist />
      <AppealFilters values={{ ...values, q: text }} onChange={onChange} reference={reference} />
      {REPORT_KEYS.some((k) => values[k]) && (
        <Group gap="xs">
          <Badge variant="light" tt="none" size="lg" data-testid="report-filter">
            {t('list.fromReport', {
              filter: REPORT_KEYS.filter((k) => values[k])
                .map((k) => t(`list.reportFilter.${k}`, { value: values[k] }))
                .join(', '),
            })}
          </Badge>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              const next = new URLSearchParams(params);
              REPORT_KEYS.forEach((k) => next.delete(k));
              setParams(next, { replace: true });
            }}
          >
            {t('list.clearReportFilter')}
          </Button>
        </Group>
      )}
      {error ? <Alert color="red">{errorMessage(t, error)}</Alert> : null}
      {total === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      <Group gap="sm" wrap="nowrap" px={8} c="dimmed" fz="sm" aria-hidden>
        <Text inherit w={COLUMNS.number}>
          {t('list.number')}
        </Text>
        <Text inherit w={COLUMNS.date}>
          {t('list.date')}
        </Text>
        <Text inherit w={COLUMNS.applicant}>
          {t('list.applicant')}
        </Text>
        <Text inherit w={COLUMNS.status}>
          {t('fields.status')}
        </Text>
        <Text inherit w={COLUMNS.kind}>
          {t('fields.kind')}
        </Text>
        <Text inherit w={COLUMNS.due}>
          {t('list.due')}
        </Text>
      </Group>
      <div
        ref={scrollRef}
        style={{ flex: 1, overflow: 'auto' }}
        role="list"
        aria-label={t('nav.appeals')}
        data-testid="appeal-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = itemAt(row.index);
            return (
              <div
                key={row.key}
                role="listitem"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                  borderBottom: '1px solid var(--mantine-color-gray-3)',
                  padding: '6px 8px',
                }}
              >
                {item ? (
                  <Link
                    to={`/appeals/${item.id}`}
                    style={{ color: 'inherit', textDecoration: 'none', display: 'block' }}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Text fw={600} w={COLUMNS.number} style={{ whiteSpace: 'nowrap' }}>
                        {item.regNumber}
                      </Text>
                      <Text w={COLUMNS.date} size="sm">
                        {formatDateTime(item.registeredAt)}
                      </Text>
                      <Text w={COLUMNS.applicant} truncate>
                        {item.applicant}
                      </Text>
                      <Badge variant="light" w={COLUMNS.status}>
                        {t(`enums.status.${item.status}`)}
                      </Badge>
                      <Text size="sm" w={COLUMNS.kind}>
                        {t(`enums.kind.${item.kind}`)}
                      </Text>
                      <Text size="sm" w={COLUMNS.due} c={item.overdue ? 'red' : undefined}>
                        {item.dueDate ? formatDate(item.dueDate) : ''}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {item.excerpt}
                    </Text>
                  </Link>
                ) : (
                  <Text c="dimmed">{t('list.loading')}</Text>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
