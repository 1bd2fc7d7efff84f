import { AppShell, Badge, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { call } from '../api/client';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { OverdueBadge } from '../features/deadlines/OverdueBadge';

const NAV = [
  { to: '/appeals', key: 'nav.appeals', exact: true },
  { to: '/appeals/new', key: 'nav.newAppeal', exact: true },
  { to: '/drafts', key: 'nav.drafts', exact: true },
  { to: '/surveys', key: 'nav.surveys', exact: true },
  { to: '/deadlines', key: 'nav.deadlines', exact: true },
  { to: '/reports', key: 'nav.reports', exact: true },
  { to: '/sync', key: 'nav.sync', exact: true },
  { to: '/settings', key: 'nav.settings', exact: true },
] as const;

export function Layout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [deskCode, setDeskCode] = useState('');

  useEffect(() => {
    call('app.info', {}).then(
      (info) => setDeskCode(info.deskCode),
      () => undefined,
    );
  }, [location.pathname]);

  // Ctrl+N works in every screen, inputs included: the officer never needs the mouse for it.
  useHotkeys([['mod+N', () => navigate('/appeals/new?fresh=' + Date.now())]], []);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3}>{t('app.title')}</Title>
            <Text c="dimmed">{t('app.subtitle')}</Text>
          </Group>
          <Group gap="sm">
            <OverdueBadge />
            <SyncIndicator />
            <Badge variant="light" aria-label={t('app.desk')}>
              {t('app.desk')}: {deskCode}
            </Badge>
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
        {NAV.map((item) => (
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
