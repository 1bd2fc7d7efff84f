import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { consoleCardsSchema, type ConsoleCard } from '../../src-shared/console/api';
import { formatDate, formatDateTime } from '../features/appeals/format';
import { ConsoleError, get } from './api';

const PAGE = 100;
/** Parameters that are a figure's conditions (shown as chips), not the page's own. */
const HIDDEN = new Set(['offset', 'limit']);

/**
 * The cards behind a figure of a consolidated report: the same address the desk's list reads
 * (src-shared/domain/appeal-list.ts), answered by the central. Visitors' names and the text of
 * the appeal appear only for roles allowed to see personal data; each such view is audited.
 */
export default function CardsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [items, setItems] = useState<ConsoleCard[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [personal, setPersonal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = params.toString();
  const load = (offset: number) => {
    const q = new URLSearchParams(key);
    q.set('offset', String(offset));
    q.set('limit', String(PAGE));
    get(consoleCardsSchema, `/v1/console/appeals?${q.toString()}`).then(
      (page) => {
        setItems((was) => (offset === 0 ? page.items : [...was, ...page.items]));
        setTotal(page.total);
        setPersonal(page.personal);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ConsoleError ? e.message : String(e)),
    );
  };
  useEffect(() => {
    setItems([]);
    setTotal(null);
    load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const conditions = [...new URLSearchParams(key)].filter(([k]) => !HIDDEN.has(k));
  return (
    <Stack maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t('console.cards.title')}</Title>
        <Button component={Link} to="/reports" variant="default">
          {t('console.cards.back')}
        </Button>
      </Group>
      <Group gap="xs" aria-label={t('console.cards.conditions')}>
        {conditions.map(([k, v]) => (
          <Badge key={k} variant="light" tt="none">
            {t(`console.cards.param.${k}`, { defaultValue: k })}: {v}
          </Badge>
        ))}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {total === null && !error && <Loader aria-label={t('console.loading')} />}
      {total !== null && (
        <Text data-testid="cards-total">{t('console.cards.total', { n: total })}</Text>
      )}
      {total !== null && !personal && (
        <Text size="sm" c="dimmed">
          {t('console.cards.noPersonal')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped withTableBorder data-testid="cards-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.cards.number')}</Table.Th>
              <Table.Th>{t('console.cards.office')}</Table.Th>
              <Table.Th>{t('console.cards.registered')}</Table.Th>
              {personal && <Table.Th>{t('console.cards.applicant')}</Table.Th>}
              <Table.Th>{t('console.cards.kind')}</Table.Th>
              <Table.Th>{t('console.cards.status')}</Table.Th>
              <Table.Th>{t('console.cards.answer')}</Table.Th>
              <Table.Th>{t('console.cards.topics')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.regNumber ?? '—'}</Table.Td>
                <Table.Td>{c.office}</Table.Td>
                <Table.Td>{formatDateTime(c.registeredAt)}</Table.Td>
                {personal && (
                  <Table.Td>
                    {c.applicant}
                    {c.excerpt && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {c.excerpt}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>{c.kind ? t(`enums.kind.${c.kind}`) : '—'}</Table.Td>
                <Table.Td>
                  {c.status ? t(`enums.status.${c.status}`) : '—'}
                  {c.result ? ` · ${t(`enums.result.${c.result}`)}` : ''}
                </Table.Td>
                <Table.Td>{c.answerDate ? formatDate(c.answerDate) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs">{c.topicCodes.join(', ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total !== null && items.length < total && (
        <Button variant="default" onClick={() => load(items.length)}>
          {t('console.cards.more')}
        </Button>
      )}
    </Stack>
  );
}
