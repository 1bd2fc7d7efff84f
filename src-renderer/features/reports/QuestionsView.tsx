import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_STATUSES } from '../../../src-shared/domain/questions';
import type { Period } from '../../../src-shared/reports/period';
import type { QuestionCountsRow, QuestionReport } from '../../../src-shared/reports/questions';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../appeals/format';
import { CountLink, listHref } from './figures';
import { useReportSource } from './source';

/**
 * Questions by status (issue 14): in all, by classifier section and theme, with «в т.ч. меры
 * приняты». Every figure opens the cards behind it (the list asks the same shared rule).
 */
export function QuestionsView({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<QuestionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = useReportSource();
  useEffect(() => {
    setReport(null);
    source.questions(period).then(setReport, (e: unknown) => setError(errorMessage(t, e)));
  }, [period, t, source]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!report) return <Loader />;
  if (report.all.total === 0) return <Text>{t('reports.questions.none')}</Text>;
  // Columns only for statuses that occur in the period: ten mostly empty columns read badly.
  const statuses = QUESTION_STATUSES.filter((s) => report.all.byStatus[s] > 0);
  const link = (group: string, status: string) =>
    listHref(period, { qgroup: group, ...(status ? { qstatus: status } : {}) });
  const row = (r: QuestionCountsRow, label: string) => (
    <Table.Tr key={r.group}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">
        <CountLink n={r.total} to={link(r.group, '')} />
      </Table.Td>
      {statuses.map((s) => (
        <Table.Td key={s} ta="right">
          <CountLink n={r.byStatus[s]} to={link(r.group, s)} />
        </Table.Td>
      ))}
      <Table.Td ta="right">
        <CountLink n={r.measuresTaken} to={link(r.group, 'measures')} />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack data-testid="questions-report">
      <Title order={3}>{t('reports.questions.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('reports.questions.note', { date: formatDate(report.asOf) })}
      </Text>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.questions.group')}</Table.Th>
            <Table.Th ta="right">{t('reports.questions.total')}</Table.Th>
            {statuses.map((s) => (
              <Table.Th key={s} ta="right">
                {t(`enums.questionStatus.${s}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('reports.questions.measures')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row(report.all, t('reports.questions.all'))}
          {report.sections.map((r) => row(r, r.group))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('reports.themes')}</Title>
      <Table striped withTableBorder>
        <Table.Tbody>{report.themes.map((r) => row(r, r.group))}</Table.Tbody>
      </Table>
    </Stack>
  );
}
