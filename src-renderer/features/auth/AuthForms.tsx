import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, session } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import type { AuthStatus } from '../../../src-shared/auth/roles';

type Done = (status: AuthStatus) => void;

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack align="center" justify="center" mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={2}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Turns a refused call into messages by field, with a time for the lockout message. */
function useErrors() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    errors,
    general,
    clear() {
      setErrors({});
      setGeneral(null);
    },
    show(error: unknown) {
      if (error instanceof ApiCallError && error.error.issues?.length) {
        const issues = error.error.issues.map((i) =>
          i.params?.until
            ? {
                ...i,
                params: {
                  time: new Date(String(i.params.until)).toLocaleTimeString(i18n.language, {
                    hour: '2-digit',
                    minute: '2-digit',
                  }),
                },
              }
            : i,
        );
        setErrors(fieldErrors(t, issues));
      } else setGeneral(errorMessage(t, error));
    },
  };
}

/** First start: the desk has no user; whoever installs it creates the administrator. */
export function SetupForm({ onDone }: { onDone: Done }) {
  const { t } = useTranslation();
  const e = useErrors();
  const [form, setForm] = useState({ login: '', fullName: '', password: '', repeat: '' });
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (ev: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [key]: ev.currentTarget.value }),
  });
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    e.clear();
    if (form.password !== form.repeat) {
      e.show(
        new ApiCallError({
          code: 'validation',
          issues: [{ path: 'repeat', message: 'password_mismatch' }],
        }),
      );
      return;
    }
    try {
      // The window that creates the administrator is signed in as them.
      const result = await call('auth.setup', {
        login: form.login,
        fullName: form.fullName,
        password: form.password,
      });
      session.set(result.session);
      onDone(result);
    } catch (error) {
      e.show(error);
    }
  }
  return (
    <Frame title={t('auth.setupTitle')}>
      <Text size="sm">{t('auth.setupHint')}</Text>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('auth.login')} required {...bind('login')} error={e.errors.login} />
          <TextInput
            label={t('auth.fullName')}
            required
            {...bind('fullName')}
            error={e.errors.fullName}
          />
          <PasswordInput
            label={t('auth.password')}
            required
            {...bind('password')}
            error={e.errors.password}
          />
          <PasswordInput
            label={t('auth.passwordRepeat')}
            required
            {...bind('repeat')}
            error={e.errors.repeat}
          />
          {e.general && <Alert color="red">{e.general}</Alert>}
          <Button type="submit">{t('auth.create')}</Button>
        </Stack>
      </form>
    </Frame>
  );
}

export function LoginForm({ onDone }: { onDone: Done }) {
  const { t } = useTranslation();
  const e = useErrors();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    e.clear();
    try {
      const result = await call('auth.login', { login, password });
      session.set(result.session);
      onDone(result);
    } catch (error) {
      setPassword('');
      e.show(error);
    }
  }
  return (
    <Frame title={t('auth.loginTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('auth.login')}
            required
            autoFocus
            value={login}
            onChange={(ev) => setLogin(ev.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            required
            value={password}
            onChange={(ev) => setPassword(ev.currentTarget.value)}
            error={e.errors.password}
          />
          {e.general && <Alert color="red">{e.general}</Alert>}
          <Button type="submit">{t('auth.signIn')}</Button>
          <Text size="xs" c="dimmed">
            {t('auth.kioskNote')}
          </Text>
        </Stack>
      </form>
    </Frame>
  );
}

/** The locked screen shows nothing of the work behind it; the same user's password opens it. */
export function LockScreen({
  status,
  onDone,
  onSwitch,
}: {
  status: AuthStatus;
  onDone: Done;
  onSwitch: () => void;
}) {
  const { t } = useTranslation();
  const e = useErrors();
  const [password, setPassword] = useState('');
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    e.clear();
    try {
      onDone(await call('auth.unlock', { password }));
    } catch (error) {
      setPassword('');
      e.show(error);
    }
  }
  return (
    <Frame title={t('auth.lockedTitle')}>
      <Text size="sm">
        {t('auth.lockedHint', { minutes: status.lockMinutes, name: status.user?.fullName })}
      </Text>
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput
            label={t('auth.password')}
            required
            autoFocus
            value={password}
            onChange={(ev) => setPassword(ev.currentTarget.value)}
            error={e.errors.password}
          />
          {e.general && <Alert color="red">{e.general}</Alert>}
          <Button type="submit">{t('auth.unlock')}</Button>
          <Button variant="subtle" onClick={onSwitch}>
            {t('auth.switchUser')}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
