import { Alert, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealMetrics } from '../../../src-shared/reports/appeal-metrics';
import { localToday } from '../../../src-shared/domain/dates';
import { quarterOf } from '../../../src-shared/reports/period';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { AppealMetricsView } from './AppealMetricsView';
import { ClassifierDrill } from './ClassifierDrill';
import { ExportBar } from './ExportBar';
import { SurveyResultsView } from './SurveyResultsView';
import { QuestionsView } from './QuestionsView';
import { SstuReportView } from './SstuReportView';
import './print.css';
import { useAuth } from '../auth/auth-context';
import { periodOf, PeriodPicker, type PeriodChoice } from './PeriodPicker';

/** The quarterly report of this desk's cards (docs/metrics.md). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const today = localToday();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    kind: 'quarter',
    ...quarterOf(today),
  }));
  const period = useMemo(() => periodOf(choice), [choice]);
  const [metrics, setMetrics] = useState<AppealMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setMetrics(null);
    call('reports.appeals', { period }).then(
      (m) => {
        setMetrics(m);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(t, e)),
    );
  }, [period, t]);
  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('reports.title')}</Title>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Group>
      <Text c="dimmed" size="sm">
        {t('reports.periodLine', { from: period.from, to: period.to })}
      </Text>
      <ExportBar period={period} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!metrics && !error && <Loader />}
      <Tabs defaultValue="appeals" keepMounted={false}>
        <Tabs.List className="otklik-no-print">
          <Tabs.Tab value="appeals">{t('reports.tabAppeals')}</Tabs.Tab>
          <Tabs.Tab value="questions">{t('reports.tabQuestions')}</Tabs.Tab>
          <Tabs.Tab value="surveys">{t('reports.tabSurveys')}</Tabs.Tab>
          <Tabs.Tab value="sstu">{t('reports.tabSstu')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="appeals" pt="md">
          {metrics && <AppealMetricsView m={metrics} drill={<ClassifierDrill period={period} />} />}
        </Tabs.Panel>
        <Tabs.Panel value="questions" pt="md">
          <QuestionsView period={period} />
        </Tabs.Panel>
        <Tabs.Panel value="sstu" pt="md">
          <SstuReportView canExport={auth.can('personal.export')} />
        </Tabs.Panel>
        <Tabs.Panel value="surveys" pt="md">
          <SurveyResultsView period={period} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
