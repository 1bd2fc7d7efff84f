import { ruNumber } from '../../../src-shared/domain/dates';
import { Alert, Button, Code, Fieldset, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';

const mb = (bytes: number) => ruNumber(bytes / 1024 / 1024, 1);

/**
 * The desk's daily backups (docs/security.md): where they go, the last one, a copy now, and the
 * recovery key that opens them on another PC.
 */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Output<'backup.status'> | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const fail = (e: unknown) => setNote({ ok: false, text: errorMessage(t, e) });
  const load = useCallback(
    () =>
      call('backup.status', {}).then((s) => {
        setStatus(s);
        setFolder(s.folder);
      }, fail),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const saveFolder = () =>
    call('backup.setFolder', { folder }).then((s) => {
      setStatus(s);
      setNote({ ok: true, text: t('settings.saved') });
    }, fail);
  const runNow = () => {
    setBusy(true);
    call('backup.run', {})
      .then((b) => {
        setNote({ ok: true, text: t('backup.done', { name: b.name }) });
        return load();
      }, fail)
      .finally(() => setBusy(false));
  };
  const showKey = () =>
    call('backup.recoveryKey', {}).then((k) => setRecoveryKey(k.recoveryKey), fail);
  return (
    <Fieldset legend={t('backup.title')}>
      <Stack>
        <Text size="sm">{t('backup.help')}</Text>
        <Group align="end">
          <TextInput
            label={t('backup.folder')}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            w={520}
          />
          <Button variant="default" onClick={() => void saveFolder()}>
            {t('actions.save')}
          </Button>
        </Group>
        {status?.lastError && (
          <Alert color="red" role="alert" title={t('backup.lastError')}>
            {status.lastError}
          </Alert>
        )}
        <Text size="sm">
          {t('backup.last')}:{' '}
          {status?.lastAt
            ? new Date(status.lastAt).toLocaleString(i18n.language)
            : t('backup.never')}
        </Text>
        {status && status.backups.length > 0 && (
          <Table maw={620} aria-label={t('backup.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.file')}</Table.Th>
                <Table.Th>{t('backup.size')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.backups.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td ff="monospace">{b.name}</Table.Td>
                  <Table.Td>{mb(b.bytes)} МБ</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {note && (
          <Alert color={note.ok ? 'green' : 'red'} role="status">
            {note.text}
          </Alert>
        )}
        <Group>
          <Button onClick={runNow} loading={busy}>
            {t('backup.runNow')}
          </Button>
          <Button variant="subtle" onClick={() => void showKey()}>
            {t('backup.showKey')}
          </Button>
        </Group>
        {recoveryKey && (
          <Alert color="yellow" title={t('backup.keyTitle')}>
            <Text size="sm">{t('backup.keyHelp')}</Text>
            <Code block mt="xs" data-testid="recovery-key">
              {recoveryKey}
            </Code>
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
