import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_CAPABILITIES, type Capability } from '../../../src-shared/auth/roles';
import { useAuth } from './auth-context';

/**
 * A screen only some roles may open. The core refuses the calls anyway; this says so plainly
 * instead of showing a page of errors.
 */
export function RequireCapability({
  capability,
  children,
}: {
  capability: Capability;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.can(capability)) return <>{children}</>;
  const roles = ROLES.filter((r) => ROLE_CAPABILITIES[r].includes(capability))
    .map((r) => t(`users.roles.${r}`))
    .join(', ');
  return (
    <Stack maw={640}>
      <Title order={2}>{t('auth.refused')}</Title>
      <Alert color="red" role="alert">
        {t('auth.refusedHint', { roles, role: t(`users.roles.${auth.status.user!.role}`) })}
      </Alert>
    </Stack>
  );
}
