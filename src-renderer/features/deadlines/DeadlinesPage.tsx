import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Output } from '../../../src-shared/contract/api';
import { localToday } from '../../../src-shared/domain/dates';
import { daysLeft } from '../../../src-shared/domain/deadlines';
import { call } from '../../api/client';
import { formatDate } from '../appeals/format';
import { MemoBar } from './MemoBar';

type List = Output<'appeals.list'>;

/** What is due soon and what is overdue: the officer's deadline board (59-FZ art. 8, 12). */
export default function DeadlinesPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState('5');
  const [overdue, setOverdue] = useState<List | null>(null);
  const [soon, setSoon] = useState<List | null>(null);
  /** Overdue cards picked for the memo; none picked means all of them. */
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [questions, setQuestions] = useState<Output<'deadlines.questions'> | null>(null);
  useEffect(() => {
    call('deadlines.questions', {}).then(setQuestions, () => undefined);
  }, []);
  useEffect(() => {
    call('appeals.list', { filter: { overdueOnly: true }, offset: 0, limit: 500 }).then(
      setOverdue,
      () => undefined,
    );
  }, []);
  useEffect(() => {
    call('appeals.list', {
      filter: { dueWithinDays: Number(days) },
      offset: 0,
      limit: 500,
    }).then(setSoon, () => undefined);
  }, [days]);
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('deadlines.title')}</Title>
      {questions && (
        <Text data-testid="questions-in-work">
          {t('questions.inWork')}: <b>{questions.inWork}</b>
          {questions.overdue > 0 && (
            <>
              {' '}
              ({t('questions.inWorkOverdue')}: <b>{questions.overdue}</b>)
            </>
          )}
        </Text>
      )}
      <Board
        title={t('deadlines.overdue')}
        list={overdue}
        color="red"
        testId="overdue"
        picked={picked}
        onPick={setPicked}
      />
      <MemoBar
        overdueIds={picked.size > 0 ? [...picked] : (overdue?.items ?? []).map((i) => i.id)}
        picked={picked.size}
      />
      <Group align="end" justify="space-between">
        <Title order={3}>{t('deadlines.soon')}</Title>
        <SegmentedControl
          aria-label={t('deadlines.within')}
          value={days}
          onChange={setDays}
          data={['1', '3', '5', '10'].map((d) => ({
            value: d,
            label: t('deadlines.days', { count: Number(d) }),
          }))}
        />
      </Group>
      <Board list={soon} color="yellow" testId="soon" />
    </Stack>
  );
}

function Board({
  title,
  list,
  color,
  testId,
  picked,
  onPick,
}: {
  title?: string;
  list: List | null;
  color: string;
  testId: string;
  /** With these, each row has a checkbox (cards picked for the escalation memo). */
  picked?: Set<string>;
  onPick?: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const today = localToday();
  const items = [...(list?.items ?? [])].sort((a, b) =>
    (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : 1,
  );
  return (
    <Stack gap="xs" data-testid={`deadlines-${testId}`}>
      {title && (
        <Group gap="xs">
          <Title order={3}>{title}</Title>
          <Badge color={color} variant="light">
            {list?.total ?? '…'}
          </Badge>
        </Group>
      )}
      {list && items.length === 0 && <Text c="dimmed">{t('deadlines.none')}</Text>}
      {items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {picked && <Table.Th />}
              <Table.Th>{t('list.number')}</Table.Th>
              <Table.Th>{t('list.applicant')}</Table.Th>
              <Table.Th>{t('list.due')}</Table.Th>
              <Table.Th>{t('deadlines.left')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => {
              const left = i.dueDate ? daysLeft(i.dueDate, today) : null;
              return (
                <Table.Tr key={i.id}>
                  {picked && onPick && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t('deadlines.pick')}: ${i.regNumber}`}
                        checked={picked.has(i.id)}
                        onChange={(e) => {
                          const next = new Set(picked);
                          if (e.currentTarget.checked) next.add(i.id);
                          else next.delete(i.id);
                          onPick(next);
                        }}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/appeals/${i.id}`}>
                      {i.regNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.applicant}</Table.Td>
                  <Table.Td>{i.dueDate ? formatDate(i.dueDate) : '—'}</Table.Td>
                  <Table.Td>
                    {left === null
                      ? '—'
                      : left < 0
                        ? t('deadlines.overdueBy', { count: -left })
                        : t('deadlines.leftDays', { count: left })}
                  </Table.Td>
                  <Table.Td>{t(`enums.status.${i.status}`)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
