import { ruNumber } from '../../../src-shared/domain/dates';
import { Alert, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWholeMonths, wholeMonthsAround, type Period } from '../../../src-shared/reports/period';
import type { QuestionResult, SurveyResults } from '../../../src-shared/reports/survey-results';
import { useReportSource } from './source';
import { pct, ShareBar } from './figures';

const num = (x: number | null) => (x === null ? '—' : ruNumber(x));

/** Survey results for a questionnaire version and period; cells under 5 read «<5». */
export function SurveyResultsView({ period: asked }: { period: Period }) {
  const { t } = useTranslation();
  // Survey results exist for whole calendar months only (docs/metrics.md).
  const widened = !isWholeMonths(asked);
  const period = useMemo(() => wholeMonthsAround(asked), [asked]);
  const source = useReportSource();
  const [templates, setTemplates] = useState<{ id: string; label: string }[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [results, setResults] = useState<SurveyResults | null>(null);
  useEffect(() => {
    source.templates().then(
      (used) => {
        setTemplates(used);
        setTemplateId((current) => current ?? used[0]?.id ?? null);
      },
      () => undefined,
    );
  }, [source]);
  useEffect(() => {
    if (!templateId) return;
    source.surveys(templateId, period).then(setResults, () => setResults(null));
  }, [templateId, period, source]);
  return (
    <section aria-labelledby="surveys">
      <Stack gap="sm">
        <Title order={3} id="surveys">
          {t('reports.surveys.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.surveys.note')}
        </Text>
        {widened && (
          <Alert color="blue" data-testid="survey-months">
            {t('reports.surveys.wholeMonths', { from: period.from, to: period.to })}
          </Alert>
        )}
        <Select
          label={t('reports.surveys.template')}
          maw={640}
          data={templates.map((x) => ({ value: x.id, label: x.label }))}
          value={templateId}
          onChange={setTemplateId}
          allowDeselect={false}
          nothingFoundMessage={t('reports.surveys.noneYet')}
        />
        {results && (
          <>
            <Group gap="xl">
              <Text>
                {t('reports.surveys.responses')}: <b>{results.responses}</b>
              </Text>
              {results.byChannel.map((c) => (
                <Text key={c.channel}>
                  {t(`reports.surveys.channel.${c.channel}`)}: <b>{c.responses}</b>
                </Text>
              ))}
              <Text c="dimmed" size="sm">
                {t('reports.surveys.previous', {
                  from: results.previous.period.from,
                  to: results.previous.period.to,
                  n: results.previous.responses,
                })}
              </Text>
            </Group>
            {results.suppressed && <Alert color="gray">{t('reports.surveys.suppressed')}</Alert>}
            {!results.suppressed &&
              results.questions.map((q) => (
                <QuestionView key={q.name} q={q} previous={results.previous.means} />
              ))}
          </>
        )}
      </Stack>
    </section>
  );
}

function QuestionView({
  q,
  previous,
}: {
  q: QuestionResult;
  previous: Record<string, number | null>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={`survey-${q.name}`}>
      <Text fw={600}>
        {q.number ? `${q.number}. ` : ''}
        {q.title}
      </Text>
      <Text size="sm" c="dimmed">
        {t('reports.surveys.answered')}: {q.answered}
        {q.mean !== null &&
          ` · ${t('reports.surveys.mean')}: ${num(q.mean)} (${t('reports.surveys.before')}: ${num(previous[q.name] ?? null)})`}
        {q.satisfiedShare !== null &&
          ` · ${q.recommend ? t('reports.surveys.recommendShare') : t('reports.surveys.satisfiedShare')}: ${pct(q.satisfiedShare)}`}
      </Text>
      {q.options.length > 0 && (
        <Table maw={820}>
          <Table.Tbody>
            {q.options.map((o) => (
              <Table.Tr key={o.value}>
                <Table.Td>{o.label}</Table.Td>
                <Table.Td ta="right" w={80}>
                  {o.count}
                </Table.Td>
                <Table.Td w={260}>{o.share === null ? '—' : <ShareBar share={o.share} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {q.rows.length > 0 && (
        <Table maw={820}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.surveys.row')}</Table.Th>
              <Table.Th ta="right">{t('reports.surveys.answered')}</Table.Th>
              <Table.Th ta="right">{t('reports.surveys.mean')}</Table.Th>
              <Table.Th ta="right">{t('reports.surveys.before')}</Table.Th>
              <Table.Th ta="right">{t('reports.surveys.satisfiedShare')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.rows.map((r) => (
              <Table.Tr key={r.value}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{r.answered}</Table.Td>
                <Table.Td ta="right">{num(r.mean)}</Table.Td>
                <Table.Td ta="right">{num(previous[`${q.name}.${r.value}`] ?? null)}</Table.Td>
                <Table.Td ta="right">
                  {r.satisfiedShare === null ? '—' : pct(r.satisfiedShare)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {q.type === 'comment' && (
        <Stack gap={2} component="ul" pl="md" m={0}>
          {q.openAnswers.length === 0 && <Text size="sm">—</Text>}
          {q.openAnswers.map((text, i) => (
            <Text key={i} size="sm" component="li">
              {text}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
