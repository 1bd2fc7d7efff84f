import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { okSchema, sessionSchema, type ConsoleSession } from '../../src-shared/console/api';
import { roleCan, type ConsoleCapability } from '../../src-shared/console/roles';
import { ConsoleError, get, post, setCsrf, whenSignedOut } from './api';

interface SessionValue {
  session: ConsoleSession;
  can(capability: ConsoleCapability): boolean;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

/** The console opens for a signed-in account only; a session the server ended asks again. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<ConsoleSession | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const adopt = useCallback((s: ConsoleSession | null) => {
    setCsrf(s?.csrf ?? '');
    setSession(s);
  }, []);
  useEffect(() => {
    whenSignedOut((message) => {
      setNotice(message);
      adopt(null);
    });
    get(sessionSchema, '/v1/console/session').then(adopt, () => adopt(null));
  }, [adopt]);
  if (session === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('console.loading')} />
      </Center>
    );
  }
  if (session === null) {
    return (
      <LoginForm
        notice={notice}
        onSignedIn={(s) => {
          setNotice(null);
          adopt(s);
        }}
      />
    );
  }
  const value: SessionValue = {
    session,
    can: (c) => roleCan(session.account.role, c),
    signOut: () => {
      void post(okSchema, '/v1/console/logout').finally(() => adopt(null));
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function LoginForm({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn(s: ConsoleSession): void;
}) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" w={420} component="main">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            post(sessionSchema, '/v1/console/login', { login, password })
              .then(onSignedIn, (err: unknown) =>
                setError(err instanceof ConsoleError ? err.message : String(err)),
              )
              .finally(() => setBusy(false));
          }}
        >
          <Stack>
            <Title order={1} size="h2">
              {t('console.title')}
            </Title>
            {notice && (
              <Alert color="blue" role="status">
                {notice}
              </Alert>
            )}
            <TextInput
              label={t('console.login.login')}
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              required
              autoFocus
            />
            <PasswordInput
              label={t('console.login.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {t('console.login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
