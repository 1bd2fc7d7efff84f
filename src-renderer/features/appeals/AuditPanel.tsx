import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../src-shared/auth/roles';
import { call } from '../../api/client';

/** The card's audit trail, read-only, for administrators (the core refuses anyone else). */
export function AuditPanel({ appealId, revision }: { appealId: string; revision: string }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    call('audit.forAppeal', { id: appealId }).then(setEntries, () => undefined);
  }, [appealId, revision]);

  const who = (e: AuditEntry) =>
    e.userName ?? (e.source === 'sync' ? t('audit.sync') : t('audit.system'));
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('audit.title')}</Title>
        {entries.length === 0 ? (
          <Text c="dimmed">{t('audit.empty')}</Text>
        ) : (
          <Table aria-label={t('audit.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.field')}</Table.Th>
                <Table.Th>{t('audit.old')}</Table.Th>
                <Table.Th>{t('audit.new')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {new Date(e.at).toLocaleString(i18n.language, {
                      dateStyle: 'short',
                      timeStyle: 'medium',
                    })}
                  </Table.Td>
                  <Table.Td>{who(e)}</Table.Td>
                  <Table.Td>
                    {e.action === 'export'
                      ? t('audit.exported')
                      : e.field
                        ? t(`fields.${e.field}`, { defaultValue: e.field })
                        : t('audit.created')}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.oldValue ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.newValue ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
