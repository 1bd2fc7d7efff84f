import { Anchor, Button, Group, List, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SetupChecklist as Checklist, SetupStep } from '../../../src-shared/domain/setup';
import { call } from '../../api/client';
import { useAuth } from '../auth/auth-context';

/** Where each step is done. */
const WHERE: Record<SetupStep, string> = {
  officials: '/settings',
  services: '/settings',
  deskCode: '/settings',
  central: '/sync',
  kioskPin: '/surveys',
};

/**
 * A fresh desk's first steps, for its administrator, on the page the desk opens with: each
 * ticks itself off when done (read again whenever the page is shown); the list goes once every
 * step is done, or when the administrator hides it.
 */
export function SetupChecklist() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [list, setList] = useState<Checklist | null>(null);
  const allowed = auth.can('settings.manage');
  useEffect(() => {
    if (allowed) call('setup.checklist', {}).then(setList, () => undefined);
  }, [allowed]);
  if (!allowed || !list || list.dismissed || list.steps.every((s) => s.done)) return null;
  const left = list.steps.filter((s) => !s.done).length;
  return (
    <Paper withBorder p="sm" data-testid="setup-checklist" aria-labelledby="setup-title">
      <Group justify="space-between" align="start">
        <div>
          <Text fw={600} id="setup-title">
            {t('setup.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('setup.left', { count: left })}
          </Text>
        </div>
        <Button
          variant="subtle"
          size="xs"
          onClick={() =>
            call('setup.dismissChecklist', { dismissed: true }).then(setList, () => undefined)
          }
        >
          {t('setup.hide')}
        </Button>
      </Group>
      <List spacing={4} size="sm" mt="xs" center>
        {list.steps.map(({ step, done }) => (
          <List.Item
            key={step}
            data-step={step}
            data-done={done}
            icon={
              <ThemeIcon color={done ? 'green' : 'gray'} variant="light" size={20} radius="xl">
                {done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            {done ? (
              <Text size="sm" td="line-through" c="dimmed">
                {t(`setup.steps.${step}`)} — {t('setup.done')}
              </Text>
            ) : (
              <Anchor component={Link} to={WHERE[step]} size="sm">
                {t(`setup.steps.${step}`)}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
