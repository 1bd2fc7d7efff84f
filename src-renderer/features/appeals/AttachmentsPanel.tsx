import { Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS, type Attachment } from '../../../src-shared/domain/attachments';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { useAuth } from '../auth/auth-context';
import { saveBase64File } from '../../app/save-file';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} МБ` : `${Math.ceil(bytes / 1024)} КБ`;

/** Scanned documents of the card: attach, save a copy, remove one attached by mistake. */
export function AttachmentsPanel({ appealId, onChanged }: { appealId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [items, setItems] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    call('attachments.list', { appealId }).then(setItems, () => undefined);
  }, [appealId]);
  useEffect(load, [load]);
  const reload = () => {
    load();
    onChanged();
  };

  async function add(file: File | null) {
    if (!file) return;
    if (file.size > ATTACHMENT_LIMITS.maxBytes) {
      notifications.show({
        color: 'red',
        message: t('errors.attachment_size', { max: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 }),
      });
      return;
    }
    setBusy(true);
    try {
      const data = toBase64(await file.arrayBuffer());
      await call('attachments.add', { appealId, fileName: file.name, data });
      notifications.show({ color: 'green', message: t('attachments.added', { name: file.name }) });
      reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    } finally {
      setBusy(false);
    }
  }

  async function save(a: Attachment) {
    try {
      const { data } = await call('attachments.get', { id: a.id });
      saveBase64File(a.fileName, data, a.mime);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  async function remove(a: Attachment) {
    try {
      await call('attachments.remove', { id: a.id });
      reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('attachments.title')}</Title>
          {auth.can('cards.write') && (
            <FileButton onChange={add} accept="application/pdf,image/jpeg,image/png,image/tiff">
              {(props) => (
                <Button {...props} variant="default" loading={busy}>
                  {t('attachments.add')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('attachments.empty')}
          </Text>
        ) : (
          <Table aria-label={t('attachments.title')}>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.fileName}</Table.Td>
                  <Table.Td>{size(a.size)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={a.uploadedAt ? 'green' : 'gray'}>
                      {a.uploadedAt ? t('attachments.uploaded') : t('attachments.pending')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="xs" variant="subtle" onClick={() => save(a)}>
                        {t('attachments.save')}
                      </Button>
                      {auth.can('cards.write') && !a.uploadedAt && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove(a)}>
                          {t('attachments.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {t('attachments.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
