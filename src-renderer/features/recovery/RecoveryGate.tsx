import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

type RecoveryStatus = Output<'recovery.status'>;

/**
 * Before anything else: a desk whose database is damaged started in recovery (issue 13,
 * point 5). Instead of an app that cannot work, the person at the desk sees what happened and
 * restores the latest good backup (or starts empty, the damaged file kept aside).
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  useEffect(() => {
    // Any failure to ask: carry on as usual (the sign-in screen reports what is wrong).
    call('recovery.status', {}).then(setStatus, () =>
      setStatus({ needed: false, reason: null, folder: '', backups: [], keyAvailable: true }),
    );
  }, []);
  if (!status) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!status.needed) return <>{children}</>;
  return <RecoveryScreen status={status} />;
}

function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  const [name, setName] = useState(status.backups[0]?.name ?? '');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const done = () => window.location.reload();
  const fail = (e: unknown) => {
    setBusy(false);
    setFailure(errorMessage(t, e));
  };
  const restore = () => {
    setBusy(true);
    call('recovery.restore', { name, ...(recoveryKey ? { recoveryKey } : {}) }).then(done, fail);
  };
  const startEmpty = () => {
    setBusy(true);
    call('recovery.startEmpty', {}).then(done, fail);
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={760} w="100%">
        <Stack>
          <Title order={2}>{t('recovery.title')}</Title>
          <Alert color="red" role="alert">
            {t('recovery.what')}
          </Alert>
          {status.reason && (
            <Text size="xs" c="dimmed">
              {t('recovery.reason')}: <Code>{status.reason}</Code>
            </Text>
          )}
          {status.backups.length > 0 ? (
            <>
              <Radio.Group
                label={t('recovery.pick', { folder: status.folder })}
                value={name}
                onChange={setName}
              >
                <Stack gap={6} mt="xs">
                  {status.backups.map((b, i) => (
                    <Radio
                      key={b.name}
                      value={b.name}
                      label={`${b.date}${i === 0 ? ` — ${t('recovery.latest')}` : ''} (${b.name})`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {!status.keyAvailable && (
                <TextInput
                  label={t('recovery.key')}
                  description={t('recovery.keyHelp')}
                  value={recoveryKey}
                  onChange={(e) => setRecoveryKey(e.currentTarget.value)}
                  ff="monospace"
                />
              )}
            </>
          ) : (
            <Alert color="yellow">{t('recovery.none', { folder: status.folder })}</Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            {status.backups.length > 0 && (
              <Button onClick={restore} loading={busy} disabled={!name}>
                {t('recovery.restore')}
              </Button>
            )}
            <Button variant="subtle" color="red" onClick={() => setConfirmEmpty(true)}>
              {t('recovery.startEmpty')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Modal
        opened={confirmEmpty}
        onClose={() => setConfirmEmpty(false)}
        title={t('recovery.startEmpty')}
      >
        <Text size="sm">{t('recovery.emptyConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmEmpty(false)}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={startEmpty} loading={busy}>
            {t('recovery.startEmpty')}
          </Button>
        </Group>
      </Modal>
    </Center>
  );
}
