import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/errors';
import { saveBase64File } from '../../app/save-file';
import { useReportSource, type SstuCheckView } from './source';
import { MonthField } from '../../app/DateFields';

const MIME = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The previous calendar month (YYYY-MM): the one a body reports in the first days. */
export function previousMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The monthly report to ССТУ.РФ (docs/sstu.md): the month's table by status, the pre-flight
 * list of questions that would fail the checks (each opens its card), then the files. The
 * file names the visitors: only roles that may take personal data away get the buttons.
 */
export function SstuReportView({ canExport }: { canExport: boolean }) {
  const { t } = useTranslation();
  const source = useReportSource();
  const [month, setMonth] = useState(() => previousMonth());
  const [check, setCheck] = useState<SstuCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    setCheck(null);
    source.sstuCheck(month).then(
      (c) => {
        setCheck(c);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(t, e)),
    );
  }, [month, t, source]);
  useEffect(load, [load]);

  const download = async (format: 'json' | 'xlsx') => {
    setBusy(true);
    try {
      const file = await source.sstuFile(month, format);
      saveBase64File(file.fileName, file.data, MIME[format]);
      notifications.show({
        color: 'green',
        message: t('reports.sstu.saved', { name: file.fileName, cards: file.cards }),
      });
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack data-testid="sstu-report">
      <Title order={3}>{t('reports.sstu.title')}</Title>
      <Group align="end">
        <MonthField label={t('reports.sstu.month')} value={month} onChange={setMonth} w={200} />
        <Button variant="default" onClick={load}>
          {t('actions.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('reports.sstu.rule')}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!check && !error && <Loader />}
      {check && (
        <>
          {!check.departmentId && (
            <Alert color="yellow">{t('reports.sstu.departmentMissing')}</Alert>
          )}
          {check.departmentId && (
            <Text size="sm">
              {t('reports.sstu.department')}: {check.departmentId}
            </Text>
          )}
          <Text>
            {t('reports.sstu.summary', { cards: check.cards, questions: check.questions })}
          </Text>
          {check.table.length > 0 && (
            <Table withTableBorder maw={700}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.sstu.status')}</Table.Th>
                  <Table.Th>{t('reports.sstu.sstuStatus')}</Table.Th>
                  <Table.Th ta="right">{t('reports.sstu.count')}</Table.Th>
                  <Table.Th ta="right">{t('reports.questions.measures')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.table.map((r) => (
                  <Table.Tr key={r.status}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>{r.sstu}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                    <Table.Td ta="right">{r.status === 'supported' ? r.measures : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {check.problems.length === 0 ? (
            <Alert color="green" data-testid="sstu-problems-none">
              {t('reports.sstu.problemsNone')}
            </Alert>
          ) : (
            <Stack gap="xs" data-testid="sstu-problems">
              <Title order={4}>
                {t('reports.sstu.problems', { count: check.problems.length })}
              </Title>
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.sstu.card')}</Table.Th>
                    <Table.Th>{t('reports.sstu.question')}</Table.Th>
                    <Table.Th>{t('reports.sstu.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.problems.map((p, i) => (
                    <Table.Tr key={`${p.appealId}-${p.code ?? ''}-${i}`}>
                      <Table.Td>
                        {source.cardHref(p.appealId) ? (
                          <Anchor component={Link} to={source.cardHref(p.appealId)!}>
                            {p.regNumber}
                          </Anchor>
                        ) : (
                          p.regNumber
                        )}
                      </Table.Td>
                      <Table.Td>{p.code ?? '—'}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          {canExport ? (
            <Stack gap={4}>
              <Group>
                <Button
                  onClick={() => void download('json')}
                  loading={busy}
                  disabled={!check.departmentId}
                >
                  {t('reports.sstu.json')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => void download('xlsx')}
                  loading={busy}
                  disabled={!check.departmentId}
                >
                  {t('reports.sstu.xlsx')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('reports.sstu.personal')}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.sstu.noRight')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
