import { Alert, Button, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  centralSstuCheckSchema,
  officeOverviewSchema,
  officesTableSchema,
  sstuFileSchema,
  templateListSchema,
  type OfficesTable as TableData,
  type RegionExportFormat,
} from '../../src-shared/console/api';
import { localToday } from '../../src-shared/domain/dates';
import { previousQuarter, quarterOf, type Period } from '../../src-shared/reports/period';
import { questionReportSchema } from '../../src-shared/reports/questions';
import { surveyResultsSchema } from '../../src-shared/reports/survey-results';
import { AppealMetricsView } from '../features/reports/AppealMetricsView';
import { periodOf, PeriodPicker, type PeriodChoice } from '../features/reports/PeriodPicker';
import { QuestionsView } from '../features/reports/QuestionsView';
import { ReportSourceContext, type ReportSource } from '../features/reports/source';
import { SstuReportView } from '../features/reports/SstuReportView';
import { SurveyResultsView } from '../features/reports/SurveyResultsView';
import '../features/reports/print.css';
import { ConsoleError, download, get, query } from './api';
import { OfficesTable } from './OfficesTable';
import { useSession } from './session';

/** The central's report source: the shared views ask the central's API for the office in view. */
function centralSource(office: string | null): ReportSource {
  const scope = (p: Period) => query({ from: p.from, to: p.to, office });
  return {
    questions: (p) => get(questionReportSchema, `/v1/admin/reports/questions?${scope(p)}`),
    templates: async () =>
      (await get(templateListSchema, '/v1/console/templates')).map((x) => ({
        id: x.id,
        label: x.title,
      })),
    surveys: (templateId, p) =>
      get(surveyResultsSchema, `/v1/admin/reports/surveys?templateId=${templateId}&${scope(p)}`),
    drillHref: (to) => (office ? `${to}&office=${office}` : to),
    sstuCheck: async (month) => {
      const c = await get(
        centralSstuCheckSchema,
        `/v1/admin/sstu/check?${query({ month, office })}`,
      );
      const ids = c.offices.map((o) => o.departmentId);
      return {
        departmentId: ids.length && ids.every(Boolean) ? ids.join(', ') : null,
        cards: c.cards,
        questions: c.questions,
        table: c.table,
        problems: c.problems,
      };
    },
    sstuFile: (month, format) =>
      get(sstuFileSchema, `/v1/admin/sstu/file?${query({ month, format, office })}`),
    cardHref: () => null,
  };
}

/**
 * Consolidated reports: a period and the region or one office; the offices table, the seven
 * metrics, questions and survey results through the desk's own views, the ССТУ month, exports.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const viewer = session.account.role === 'office_viewer';
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    kind: 'quarter',
    ...quarterOf(localToday()),
  }));
  const period = useMemo(() => periodOf(choice), [choice]);
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);
  const [office, setOffice] = useState<string | null>(viewer ? session.account.officeCode : null);
  const [table, setTable] = useState<TableData | null>(null);
  const [previous, setPrevious] = useState<TableData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<RegionExportFormat | null>(null);
  const [templates, setTemplates] = useState<{ value: string; label: string }[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);

  useEffect(() => {
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => setOffices(list.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))),
      () => undefined,
    );
    get(templateListSchema, '/v1/console/templates').then(
      (list) => setTemplates(list.map((x) => ({ value: x.id, label: x.title }))),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    setTable(null);
    setPrevious(null);
    const load = (p: Period) =>
      get(officesTableSchema, `/v1/console/reports/offices?${query({ from: p.from, to: p.to })}`);
    load(period).then(
      (data) => {
        setTable(data);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ConsoleError ? e.message : String(e)),
    );
    if (choice.kind === 'quarter') load(previousQuarter(period)).then(setPrevious, () => undefined);
  }, [period, choice.kind]);
  const source = useMemo(() => centralSource(office), [office]);
  const metrics = table
    ? office
      ? table.offices.find((o) => o.code === office)?.metrics
      : table.region
    : null;
  const exportFile = (format: RegionExportFormat) => {
    setBusy(format);
    download(
      `/v1/console/export?${query({ format, from: period.from, to: period.to, office, templateId })}`,
    )
      .then(
        (name) =>
          notifications.show({ color: 'green', message: t('console.exports.saved', { name }) }),
        (e: unknown) => setError(e instanceof ConsoleError ? e.message : String(e)),
      )
      .finally(() => setBusy(null));
  };
  return (
    <Stack maw={1400}>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('console.reports.title')}</Title>
        <Group align="end">
          <Select
            label={t('console.reports.scope')}
            w={360}
            data={[
              ...(viewer ? [] : [{ value: '', label: t('console.reports.region') }]),
              ...offices,
            ]}
            value={office ?? ''}
            allowDeselect={false}
            disabled={viewer}
            searchable
            onChange={(v) => setOffice(v || null)}
          />
          <PeriodPicker value={choice} onChange={setChoice} />
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('reports.periodLine', { from: period.from, to: period.to })}
      </Text>
      <Group align="end" className="otklik-no-print">
        <Select
          label={t('console.exports.template')}
          w={360}
          clearable
          data={templates}
          value={templateId}
          onChange={setTemplateId}
          placeholder={t('console.exports.noTemplate')}
        />
        {(['xlsx', 'docx', 'csv'] as const).map((f) => (
          <Button
            key={f}
            variant={f === 'xlsx' ? 'filled' : 'default'}
            loading={busy === f}
            onClick={() => exportFile(f)}
          >
            {t(`console.exports.${f}`)}
          </Button>
        ))}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!table && !error && <Loader aria-label={t('console.loading')} />}
      <ReportSourceContext.Provider value={source}>
        <Tabs defaultValue="offices" keepMounted={false}>
          <Tabs.List className="otklik-no-print">
            <Tabs.Tab value="offices">{t('console.reports.tabOffices')}</Tabs.Tab>
            <Tabs.Tab value="appeals">{t('reports.tabAppeals')}</Tabs.Tab>
            <Tabs.Tab value="questions">{t('reports.tabQuestions')}</Tabs.Tab>
            <Tabs.Tab value="surveys">{t('reports.tabSurveys')}</Tabs.Tab>
            {can('reports.region') && <Tabs.Tab value="sstu">{t('reports.tabSstu')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="offices" pt="md">
            {table && (
              <OfficesTable
                data={
                  office && metrics
                    ? { region: metrics, offices: table.offices.filter((o) => o.code === office) }
                    : table
                }
                previous={previous}
                period={period}
              />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="appeals" pt="md">
            {metrics && <AppealMetricsView m={metrics} drill={null} />}
          </Tabs.Panel>
          <Tabs.Panel value="questions" pt="md">
            <QuestionsView period={period} />
          </Tabs.Panel>
          <Tabs.Panel value="surveys" pt="md">
            <SurveyResultsView period={period} />
          </Tabs.Panel>
          {can('reports.region') && (
            <Tabs.Panel value="sstu" pt="md">
              <SstuReportView canExport={can('personal.export')} />
            </Tabs.Panel>
          )}
        </Tabs>
      </ReportSourceContext.Provider>
    </Stack>
  );
}
