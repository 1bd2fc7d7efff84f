import { Alert, Button, Checkbox, Fieldset, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { saveBase64File } from '../../app/save-file';
import { formatTime } from './use-sync-status';

/**
 * Changes the central refused one by one (or pulled ones this desk could not apply), with the
 * reason in Russian. Everything else kept flowing; an administrator exports these for the
 * centre's administrator and then discards them (issue 13, point 4).
 */
export function RefusedChanges({ count, onChange }: { count: number; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Output<'sync.refused'>>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(
    () => call('sync.refused', {}).then(setRows, (e: unknown) => setFailure(errorMessage(t, e))),
    [t],
  );
  useEffect(() => {
    void load();
  }, [load, count]);
  if (rows.length === 0) return null;
  const exportAll = () =>
    call('sync.exportRefused', {}).then(
      (f) => saveBase64File(f.fileName, f.data, 'application/x-ndjson'),
      (e: unknown) => setFailure(errorMessage(t, e)),
    );
  const discard = () =>
    call('sync.discardRefused', { changeIds: [...picked] }).then(
      () => {
        setPicked(new Set());
        onChange();
        return load();
      },
      (e: unknown) => setFailure(errorMessage(t, e)),
    );
  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Fieldset legend={t('sync.refused.title', { count: rows.length })}>
      <Stack>
        <Text size="sm">{t('sync.refused.help')}</Text>
        <Table aria-label={t('sync.refused.title', { count: rows.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('sync.refused.card')}</Table.Th>
              <Table.Th>{t('sync.refused.direction')}</Table.Th>
              <Table.Th>{t('sync.refused.reason')}</Table.Th>
              <Table.Th>{t('sync.refused.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.changeId} data-testid="refused-row">
                <Table.Td>
                  <Checkbox
                    aria-label={t('sync.refused.pick')}
                    checked={picked.has(r.changeId)}
                    onChange={() => toggle(r.changeId)}
                  />
                </Table.Td>
                <Table.Td>{r.regNumber ?? r.entityId}</Table.Td>
                <Table.Td>{t(`sync.refused.${r.direction}`)}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>{formatTime(r.refusedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button variant="light" onClick={() => void exportAll()}>
            {t('sync.refused.export')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            disabled={picked.size === 0}
            onClick={() => void discard()}
          >
            {t('sync.refused.discard', { count: picked.size })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
