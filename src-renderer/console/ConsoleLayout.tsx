import {
  Alert,
  AppShell,
  Button,
  Group,
  Modal,
  NavLink,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { okSchema } from '../../src-shared/console/api';
import {
  CONSOLE_ROLE_LABELS,
  PASSWORD_MIN_LENGTH,
  type ConsoleCapability,
} from '../../src-shared/console/roles';
import { ConsoleError, post } from './api';
import { useSession } from './session';

/** The menu shows what the role may open; the server refuses the rest all the same. */
const NAV: readonly { to: string; key: string; needs: ConsoleCapability }[] = [
  { to: '/reports', key: 'console.nav.reports', needs: 'reports.office' },
  { to: '/offices', key: 'console.nav.offices', needs: 'reports.office' },
  { to: '/packages', key: 'console.nav.packages', needs: 'region.admin' },
  { to: '/releases', key: 'console.nav.releases', needs: 'region.admin' },
  { to: '/online', key: 'console.nav.online', needs: 'region.admin' },
  { to: '/reference', key: 'console.nav.reference', needs: 'region.admin' },
  { to: '/publication', key: 'console.nav.publication', needs: 'region.admin' },
  { to: '/accounts', key: 'console.nav.accounts', needs: 'region.admin' },
  { to: '/audit', key: 'console.nav.audit', needs: 'region.admin' },
];

export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { session, can, signOut } = useSession();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const a = session.account;
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h3">
              {t('console.title')}
            </Title>
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="console-user">
              {a.name} · {CONSOLE_ROLE_LABELS[a.role]}
              {a.officeCode ? ` · ${a.officeCode}` : ''}
            </Text>
            <Button size="xs" variant="default" onClick={() => setPasswordOpen(true)}>
              {t('console.password.open')}
            </Button>
            <Button size="xs" variant="default" onClick={signOut}>
              {t('console.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('console.nav.label')}>
        {NAV.filter((item) => can(item.needs)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            active={location.pathname.startsWith(item.to)}
            // Filled: white on the primary shade 8 (the light variant's blue on blue fails AA).
            variant="filled"
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <PasswordModal opened={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </AppShell>
  );
}

function PasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('console.password.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          post(okSchema, '/v1/console/password', { current, next }).then(
            () => {
              notifications.show({ message: t('console.password.done') });
              setCurrent('');
              setNext('');
              setError(null);
              onClose();
            },
            (err: unknown) => setError(err instanceof ConsoleError ? err.message : String(err)),
          );
        }}
      >
        <Stack>
          <PasswordInput
            label={t('console.password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('console.password.next')}
            description={t('console.password.rule', { n: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            required
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit">{t('console.password.save')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}
