import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { auditLogSchema } from '../../src-shared/console/api';
import { ConsoleError, get } from './api';

type Line = z.output<typeof auditLogSchema>[number];

/** The audit log: who did what and when, newest first, a page at a time. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [lines, setLines] = useState<Line[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((before: number | null) => {
    get(auditLogSchema, `/v1/console/audit?limit=100${before ? `&before=${before}` : ''}`).then(
      (page) => {
        setLines((was) => (before ? [...was, ...page] : page));
        setMore(page.length === 100);
      },
      (e: unknown) => setError(e instanceof ConsoleError ? e.message : String(e)),
    );
  }, []);
  useEffect(() => load(null), [load]);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ru-RU', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });
  return (
    <Stack maw={1300}>
      <Title order={2}>{t('console.audit.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.audit.at')}</Table.Th>
            <Table.Th>{t('console.audit.actor')}</Table.Th>
            <Table.Th>{t('console.audit.action')}</Table.Th>
            <Table.Th>{t('console.audit.target')}</Table.Th>
            <Table.Th>{t('console.audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.seq}>
              <Table.Td>{when(l.at)}</Table.Td>
              <Table.Td>{l.actor}</Table.Td>
              <Table.Td>
                {t(`console.audit.actions.${l.action}`, { defaultValue: l.action })}
              </Table.Td>
              <Table.Td>{l.target ?? ''}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {l.detail ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more && (
        <Button variant="default" onClick={() => load(lines.at(-1)!.seq)}>
          {t('console.audit.more')}
        </Button>
      )}
    </Stack>
  );
}
