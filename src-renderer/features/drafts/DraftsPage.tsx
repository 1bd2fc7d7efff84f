import { ruDateTime, toLocalDateTime } from '../../../src-shared/domain/dates';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';

/** Unfinished cards saved automatically; resume or discard them. */
export default function DraftsPage() {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Output<'drafts.list'>>([]);
  const reload = useCallback(() => {
    call('drafts.list', {}).then(setDrafts, () => undefined);
  }, []);
  useEffect(reload, [reload]);

  return (
    <Stack maw={900}>
      <Title order={2}>{t('drafts.title')}</Title>
      {drafts.length === 0 && <Text c="dimmed">{t('drafts.empty')}</Text>}
      {drafts.map((d) => (
        <Paper key={d.id} withBorder p="sm" data-testid="draft">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={500}>{d.title || t('drafts.untitled')}</Text>
              <Text size="xs" c="dimmed">
                {ruDateTime(toLocalDateTime(new Date(d.updatedAt)))}
                {d.appealId ? ` · ${t('drafts.ofAppeal')}` : ''}
              </Text>
            </div>
            <Group>
              <Button
                component={Link}
                to={d.appealId ? `/appeals/${d.appealId}/edit` : `/appeals/new?draft=${d.id}`}
              >
                {t('actions.resume')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                onClick={() => call('drafts.discard', { id: d.id }).then(reload)}
              >
                {t('actions.discard')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
