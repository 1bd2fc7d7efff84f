import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import type { Period } from '../../../src-shared/reports/period';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

type Job = Output<'reports.exportStatus'>;
type Format = { format: 'xlsx' | 'csv' | 'docx'; separator?: ',' | ';'; key: string };

const FORMATS: Format[] = [
  { format: 'xlsx', key: 'xlsx' },
  { format: 'csv', separator: ';', key: 'csvSemicolon' },
  { format: 'csv', separator: ',', key: 'csvComma' },
  { format: 'docx', key: 'docx' },
];

/** Export buttons; a running export shows its progress and can be cancelled. */
export function ExportBar({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<Job | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const running = job?.state === 'running';
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(
      () => call('reports.exportStatus', { jobId: job.id }).then(setJob, () => undefined),
      200,
    );
    return () => clearTimeout(timer);
  }, [job]);
  const start = (f: Format) => {
    setFailure(null);
    call('reports.export', { period, format: f.format, separator: f.separator })
      .then(({ jobId }) => call('reports.exportStatus', { jobId }))
      .then(setJob, (e: unknown) => setFailure(errorMessage(t, e)));
  };
  return (
    <Stack gap={6} className="otklik-no-print">
      <Group gap="xs">
        {FORMATS.map((f) => (
          <Button key={f.key} variant="light" size="xs" disabled={running} onClick={() => start(f)}>
            {t(`reports.export.${f.key}`)}
          </Button>
        ))}
        <Button variant="light" size="xs" onClick={() => window.print()}>
          {t('reports.export.print')}
        </Button>
      </Group>
      {running && (
        <Group gap="xs" maw={520}>
          <Progress value={job.progress * 100} flex={1} aria-label={t('reports.export.progress')} />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => void call('reports.exportCancel', { jobId: job.id }).then(setJob)}
          >
            {t('reports.export.cancel')}
          </Button>
        </Group>
      )}
      {job?.state === 'done' && (
        <Alert color="green" role="status" py={6}>
          {t('reports.export.done')}{' '}
          <Text span ff="monospace" size="sm">
            {job.path}
          </Text>
        </Alert>
      )}
      {job?.state === 'cancelled' && <Text size="sm">{t('reports.export.cancelled')}</Text>}
      {(failure || job?.state === 'failed') && (
        <Alert color="red" role="alert" py={6}>
          {failure ?? t('reports.export.failed')}
        </Alert>
      )}
    </Stack>
  );
}
