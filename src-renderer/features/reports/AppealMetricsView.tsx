import { Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppealMetrics } from '../../../src-shared/reports/appeal-metrics';
import { answeredHref, CountLink, KeyFigure, listHref, pct, ShareBar } from './figures';

const days = (n: number | null, lang: string) =>
  n === null ? '—' : n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');

/** Metrics 1–7 and the breakdowns, each count opening its cards. */
export function AppealMetricsView({ m, drill }: { m: AppealMetrics; drill: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const p = m.period;
  const complaint = { kind: 'complaint' };
  const a = m.answerTime;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <KeyFigure label={t('reports.appeals')} value={String(m.appeals)} to={listHref(p)} />
        <KeyFigure
          label={t('reports.complaints')}
          value={String(m.complaints)}
          to={listHref(p, complaint)}
        />
        <KeyFigure
          label={t('reports.satisfiedShare')}
          value={pct(m.satisfiedShare)}
          hint={t('reports.ofComplaints', { n: m.satisfiedComplaints, of: m.complaints })}
          to={listHref(p, { ...complaint, result: 'supported' })}
        />
        <KeyFigure
          label={t('reports.unsatisfiedShare')}
          value={pct(m.unsatisfiedShare)}
          hint={t('reports.ofComplaints', { n: m.unsatisfiedComplaints, of: m.complaints })}
          to={listHref(p, { ...complaint, result: 'refused' })}
        />
        <KeyFigure
          label={t('reports.redirectedShare')}
          value={pct(m.redirectedShare)}
          hint={t('reports.ofAppeals', { n: m.redirected, of: m.appeals })}
          to={listHref(p, { mode: 'redirected' })}
        />
        <KeyFigure
          label={t('reports.meanDays')}
          value={days(a.meanDays, i18n.language)}
          hint={t('reports.answeredCount', { n: a.answered })}
          to={answeredHref(p)}
        />
      </SimpleGrid>

      <section aria-labelledby="m1">
        <Title order={3} id="m1">
          {t('reports.m1')}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.channel')}</Table.Th>
              <Table.Th ta="right">{t('reports.appeals')}</Table.Th>
              <Table.Th>{t('reports.share')}</Table.Th>
              <Table.Th ta="right">{t('reports.complaints')}</Table.Th>
              <Table.Th>{t('reports.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.byChannel.map((c) => (
              <Table.Tr key={c.channel} data-testid={`channel-${c.channel}`}>
                <Table.Td>{t(`enums.channel.${c.channel}`)}</Table.Td>
                <Table.Td ta="right">
                  <CountLink
                    n={c.appeals}
                    to={listHref(p, { channel: c.channel })}
                    label={`${t(`enums.channel.${c.channel}`)}: ${c.appeals}`}
                  />
                </Table.Td>
                <Table.Td>
                  <ShareBar share={c.appealsShare} />
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink
                    n={c.complaints}
                    to={listHref(p, { channel: c.channel, ...complaint })}
                  />
                </Table.Td>
                <Table.Td>
                  <ShareBar share={c.complaintsShare} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <section aria-labelledby="m2">
        <Title order={3} id="m2">
          {t('reports.m2')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.m2Note')}
        </Text>
        <Group align="start" grow>
          <Reasons title={t('reports.sections')} rows={m.topSections} period={p} />
          <Reasons title={t('reports.themes')} rows={m.topThemes} period={p} />
        </Group>
      </section>

      {drill}

      <section aria-labelledby="m4">
        <Title order={3} id="m4">
          {t('reports.m4')}
        </Title>
        <Table variant="vertical" withTableBorder maw={720}>
          <Table.Tbody>
            <Row label={t('reports.answered')}>
              <CountLink n={a.answered} to={answeredHref(p)} />
            </Row>
            <Row label={t('reports.meanDays')}>{days(a.meanDays, i18n.language)}</Row>
            <Row label={t('reports.medianDays')}>{days(a.medianDays, i18n.language)}</Row>
            <Row label={t('reports.p90Days')}>{days(a.p90Days, i18n.language)}</Row>
            <Row label={t('reports.inTime')}>
              <CountLink n={a.inTime} to={answeredHref(p)} /> ({pct(a.inTimeShare)})
            </Row>
            <Row label={t('reports.late')}>
              <CountLink n={a.late} to={answeredHref(p, { late: '1' })} /> ({pct(a.lateShare)})
            </Row>
            <Row label={t('reports.open')}>
              <CountLink n={a.open} to={listHref(p, { open: '1' })} />
            </Row>
            <Row label={t('reports.overdue', { date: m.asOf })}>
              <CountLink n={a.overdue} to={listHref(p, { overdue: '1' })} />
            </Row>
          </Table.Tbody>
        </Table>
      </section>

      <Group align="start" grow>
        <Distribution
          title={t('reports.byKind')}
          rows={m.byKind.map((k) => ({
            label: t(`enums.kind.${k.kind}`),
            n: k.appeals,
            share: k.share,
            to: listHref(p, { kind: k.kind }),
          }))}
        />
        <Distribution
          title={t('reports.byForm')}
          rows={m.byForm.map((k) => ({
            label: t(`enums.form.${k.form}`),
            n: k.appeals,
            share: k.share,
            to: listHref(p, { form: k.form }),
          }))}
        />
        <Distribution
          title={t('reports.byAnswerMode')}
          rows={m.byAnswerMode.map((k) => ({
            label: k.mode === 'none' ? t('reports.noMode') : t(`enums.answerMode.${k.mode}`),
            n: k.appeals,
            share: k.share,
            to: k.mode === 'none' ? null : listHref(p, { mode: k.mode }),
          }))}
        />
      </Group>
      <Text size="sm">
        {t('reports.repeatCollective', {
          repeat: m.repeat,
          repeatShare: pct(m.repeatShare),
          collective: m.collective,
          collectiveShare: pct(m.collectiveShare),
          signatories: m.signatories,
        })}
      </Text>
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={360}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Reasons({
  title,
  rows,
  period,
}: {
  title: string;
  rows: AppealMetrics['topSections'];
  period: AppealMetrics['period'];
}) {
  const { t } = useTranslation();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('reports.appeals')}</Table.Th>
          <Table.Th>{t('reports.shareOfAll')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={3}>{t('reports.none')}</Table.Td>
          </Table.Tr>
        )}
        {rows.map((r) => (
          <Table.Tr key={r.code}>
            <Table.Td>
              <Text size="sm">
                <Text span ff="monospace" size="xs" c="dimmed">
                  {r.code.replace(/(\.0000)+$/, '')}
                </Text>{' '}
                {r.title}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <CountLink n={r.appeals} to={listHref(period, { topic: r.code })} />
            </Table.Td>
            <Table.Td>
              <ShareBar share={r.share} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Distribution({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; n: number; share: number; to: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('reports.appeals')}</Table.Th>
          <Table.Th>{t('reports.share')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.to ? <CountLink n={r.n} to={r.to} /> : r.n}</Table.Td>
            <Table.Td>{pct(r.share)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
