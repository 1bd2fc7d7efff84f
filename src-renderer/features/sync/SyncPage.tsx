import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { EnrollForm } from './EnrollForm';
import { PackageExport } from './PackageExport';
import { RefusedChanges } from './RefusedChanges';
import { useAuth } from '../auth/auth-context';
import { formatTime, useSyncStatus, type SyncStatus } from './use-sync-status';

/** Connection to the central server: enroll or leave, sync now, agreement, offline package. */
export default function SyncPage() {
  const { t } = useTranslation();
  const { status, refresh } = useSyncStatus();
  const auth = useAuth();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('sync.title')}</Title>
      {status && !status.enrolled && <EnrollForm onDone={() => void refresh()} />}
      {status?.enrolled && <Connection status={status} refresh={refresh} />}
      {status && status.refused > 0 && auth.can('sync.manage') && (
        <RefusedChanges count={status.refused} onChange={() => void refresh()} />
      )}
      <PackageExport enrolled={status?.enrolled ?? false} />
    </Stack>
  );
}

function Connection({ status, refresh }: { status: SyncStatus; refresh: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const syncNow = () => {
    setFailure(null);
    const run = call('sync.now', {}).then(
      () => undefined,
      (e: unknown) => setFailure(errorMessage(t, e)),
    );
    void refresh();
    void run.then(refresh);
  };
  const [confirmLeave, setConfirmLeave] = useState(false);
  const leave = () =>
    void call('sync.leave', {}).then(() => {
      setConfirmLeave(false);
      return refresh();
    });
  const p = status.progress;
  const percent = p && p.total ? Math.round((100 * p.done) / Math.max(1, p.total)) : 100;
  const agreement = status.agreement;
  return (
    <Fieldset legend={t('sync.connection')}>
      <Stack>
        <Table variant="vertical" withTableBorder maw={720}>
          <Table.Tbody>
            <Row label={t('sync.office')} value={`${status.officeName} (${status.officeCode})`} />
            <Row label={t('sync.serverUrl')} value={status.serverUrl ?? ''} />
            <Row
              label={t('sync.pending')}
              value={t('sync.pendingValue', {
                changes: status.pending.changes,
                responses: status.pending.responses,
              })}
            />
            <Row
              label={t('sync.lastSuccess')}
              value={formatTime(status.lastSuccessAt, i18n.language)}
            />
            <Row
              label={t('sync.agreement')}
              value={
                agreement
                  ? agreement.agrees
                    ? t('sync.agrees', { time: formatTime(agreement.at, i18n.language) })
                    : t('sync.disagrees', { count: agreement.differences.length })
                  : '—'
              }
            />
          </Table.Tbody>
        </Table>
        {agreement && !agreement.agrees && (
          <Table maw={720} aria-label={t('sync.differences')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.entity')}</Table.Th>
                <Table.Th>{t('sync.period')}</Table.Th>
                <Table.Th>{t('sync.onDesk')}</Table.Th>
                <Table.Th>{t('sync.atCentral')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.differences.map((d) => (
                <Table.Tr key={d.entity + d.period}>
                  <Table.Td>{t(`sync.entities.${d.entity}`)}</Table.Td>
                  <Table.Td>{d.period}</Table.Td>
                  <Table.Td>{d.desk}</Table.Td>
                  <Table.Td>{d.central}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {status.insecure && (
          <Alert color="orange" role="alert">
            {t('sync.insecureWarning')}
          </Alert>
        )}
        {status.refused > 0 && (
          <Alert color="orange">{t('sync.refused.banner', { count: status.refused })}</Alert>
        )}
        {status.lastError && (
          <Alert color="red" role="alert" title={t('sync.lastError')}>
            {status.lastError}
          </Alert>
        )}
        {failure && !status.lastError && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {status.running && (
          <Stack gap={4} maw={720}>
            <Text size="sm">{t(`sync.phase.${p?.phase ?? 'push'}`)}</Text>
            <Progress value={percent} animated aria-label={t('sync.progress')} />
          </Stack>
        )}
        <Group>
          <Button onClick={syncNow} loading={status.running}>
            {t('sync.now')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => setConfirmLeave(true)}>
            {t('sync.leave')}
          </Button>
        </Group>
        <Modal opened={confirmLeave} onClose={() => setConfirmLeave(false)} title={t('sync.leave')}>
          <Text size="sm">{t('sync.leaveConfirm')}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setConfirmLeave(false)}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" onClick={leave}>
              {t('sync.leave')}
            </Button>
          </Group>
        </Modal>
      </Stack>
    </Fieldset>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={260}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
