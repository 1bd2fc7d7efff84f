import {
  Alert,
  Button,
  FileButton,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  officeOverviewSchema,
  packageHistorySchema,
  packageReportSchema,
  type PackageReport,
} from '../../src-shared/console/api';
import { ConsoleError, get, query, upload } from './api';

/**
 * Offline packages from desks without a network: dropped here (or chosen), sent with a progress
 * bar, checked whole by the central (signature, encryption, every record), then applied like a
 * sync. The report says what was new, already there, or refused and why; the history stays.
 */
export default function PackagesPage() {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<z.output<typeof packageHistorySchema>>([]);
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);
  const [office, setOffice] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<PackageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const load = useCallback(() => {
    get(packageHistorySchema, '/v1/console/packages').then(setHistory, () => undefined);
  }, []);
  useEffect(() => {
    load();
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => setOffices(list.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))),
      () => undefined,
    );
  }, [load]);
  const send = (file: File | null) => {
    if (!file) return;
    setReport(null);
    setError(null);
    setProgress(0);
    upload(
      packageReportSchema,
      `/v1/console/packages?${query({ office, name: file.name })}`,
      file,
      setProgress,
    )
      .then(setReport, (e: unknown) => setError(e instanceof ConsoleError ? e.message : String(e)))
      .finally(() => {
        setProgress(null);
        load();
      });
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ru-RU', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('console.packages.title')}</Title>
      <Text size="sm">{t('console.packages.intro')}</Text>
      <Select
        label={t('console.packages.office')}
        description={t('console.packages.officeHint')}
        w={420}
        clearable
        data={offices}
        value={office}
        onChange={setOffice}
      />
      <Paper
        withBorder
        p="xl"
        data-testid="package-drop"
        bg={over ? 'blue.0' : undefined}
        style={{ borderStyle: 'dashed' }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          send(e.dataTransfer.files[0] ?? null);
        }}
      >
        <Stack align="center">
          <Text>{t('console.packages.drop')}</Text>
          <FileButton onChange={send} accept=".otkp,application/octet-stream">
            {(props) => <Button {...props}>{t('console.packages.choose')}</Button>}
          </FileButton>
        </Stack>
      </Paper>
      {progress !== null && (
        <Progress value={progress * 100} aria-label={t('console.packages.progress')} animated />
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Alert color={report.refused.length ? 'yellow' : 'green'} data-testid="package-report">
          <Text>
            {t('console.packages.report', {
              desk: report.deskCode,
              office: report.office,
              changes: report.changes,
              responses: report.responses,
              applied: report.applied,
              duplicates: report.duplicates,
              refused: report.refused.length,
            })}
          </Text>
          {report.refused.slice(0, 50).map((r) => (
            <Text key={`${r.index}-${r.id ?? ''}`} size="sm">
              {r.id ?? `#${r.index}`}: {r.message}
            </Text>
          ))}
        </Alert>
      )}
      <Title order={3} size="h4">
        {t('console.packages.history')}
      </Title>
      <Table striped withTableBorder data-testid="package-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.audit.at')}</Table.Th>
            <Table.Th>{t('console.audit.actor')}</Table.Th>
            <Table.Th>{t('console.packages.file')}</Table.Th>
            <Table.Th>{t('console.packages.desk')}</Table.Th>
            <Table.Th ta="right">{t('console.packages.applied')}</Table.Th>
            <Table.Th ta="right">{t('console.packages.duplicates')}</Table.Th>
            <Table.Th ta="right">{t('console.packages.refused')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((h) => (
            <Table.Tr key={h.seq}>
              <Table.Td>{when(h.at)}</Table.Td>
              <Table.Td>{h.actor}</Table.Td>
              <Table.Td>{h.fileName}</Table.Td>
              <Table.Td>
                {h.error ? (
                  <Text size="sm" c="red.9">
                    {h.error}
                  </Text>
                ) : (
                  `${h.deskCode ?? '—'} (${h.office ?? '—'})`
                )}
              </Table.Td>
              <Table.Td ta="right">{h.applied}</Table.Td>
              <Table.Td ta="right">{h.duplicates}</Table.Td>
              <Table.Td ta="right">{h.refused}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
