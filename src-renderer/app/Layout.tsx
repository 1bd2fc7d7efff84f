import {
  ActionIcon,
  AppShell,
  Badge,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { call } from '../api/client';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { OverdueBadge } from '../features/deadlines/OverdueBadge';
import { DeadlineNotifier } from '../features/deadlines/DeadlineNotifier';
import { useAuth } from '../features/auth/auth-context';
import type { Capability } from '../../src-shared/auth/roles';
import { UpdateIndicator } from '../features/updates/UpdateIndicator';
import { guidePageFor } from '../../src-shared/guide';

/** The menu shows what the user's role may open (the routes say the same: router.tsx). */
const NAV: readonly { to: string; key: string; needs: Capability }[] = [
  { to: '/schedule', key: 'nav.schedule', needs: 'cards.read' },
  { to: '/appeals', key: 'nav.appeals', needs: 'cards.read' },
  { to: '/appeals/new', key: 'nav.newAppeal', needs: 'cards.write' },
  { to: '/drafts', key: 'nav.drafts', needs: 'cards.write' },
  { to: '/surveys', key: 'nav.surveys', needs: 'surveys.manage' },
  { to: '/deadlines', key: 'nav.deadlines', needs: 'cards.read' },
  { to: '/reports', key: 'nav.reports', needs: 'reports.read' },
  { to: '/sync', key: 'nav.sync', needs: 'sync.run' },
  { to: '/settings', key: 'nav.settings', needs: 'settings.manage' },
  { to: '/users', key: 'nav.users', needs: 'users.manage' },
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [deskCode, setDeskCode] = useState('');
  const auth = useAuth();
  const user = auth.status.user!;

  useEffect(() => {
    call('app.info', {}).then(
      (info) => setDeskCode(info.deskCode),
      () => undefined,
    );
  }, [location.pathname]);

  // Ctrl+N works in every screen, inputs included: the officer never needs the mouse for it.
  // F1 opens the guide's page about this screen, as the «?» in the header does.
  const helpPage = `/help/${guidePageFor(location.pathname)}`;
  useHotkeys(
    [
      ['mod+N', () => navigate('/appeals/new?fresh=' + Date.now())],
      ['F1', () => navigate(helpPage)],
    ],
    [],
  );

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        {/* One line whatever the screen (offices have 1366-pixel ones): the subtitle goes first,
            then the user's name is shortened (in full on hover). */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3}>{t('app.title')}</Title>
            <Text c="dimmed" visibleFrom="xl" style={{ whiteSpace: 'nowrap' }}>
              {t('app.subtitle')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <OverdueBadge />
            <DeadlineNotifier />
            <SyncIndicator />
            <UpdateIndicator />
            <Badge variant="light" aria-label={t('app.desk')}>
              {t('app.desk')}: {deskCode}
            </Badge>
            <Text
              size="sm"
              data-testid="current-user"
              truncate="end"
              maw={260}
              title={`${user.fullName} · ${t(`users.roles.${user.role}`)}`}
            >
              {user.fullName} · {t(`users.roles.${user.role}`)}
            </Text>
            <Tooltip label={t('help.open')}>
              <ActionIcon
                component={Link}
                to={helpPage}
                variant="default"
                aria-label={t('help.open')}
                data-testid="help"
              >
                ?
              </ActionIcon>
            </Tooltip>
            <Button size="xs" variant="default" onClick={auth.lock}>
              {t('auth.lock')}
            </Button>
            <Button size="xs" variant="default" onClick={auth.signOut}>
              {t('auth.signOut')}
            </Button>
            <SegmentedControl
              size="xs"
              aria-label="Язык / Language"
              value={i18n.language}
              onChange={(lang) => {
                localStorage.setItem('otklik.lang', lang);
                void i18n.changeLanguage(lang);
              }}
              data={[
                { value: 'ru', label: 'RU' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Навигация">
        {NAV.filter((item) => auth.can(item.needs)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            active={location.pathname === item.to}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
