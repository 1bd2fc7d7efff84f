import { Alert, Button, Checkbox, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { ApiCallError } from '../../api/client';

/** Connecting a desk to the region's central server with the one-time code from its admin. */
export function EnrollForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState('https://');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Plain http:// beyond this PC only when an administrator ticks this, with a warning.
  const [allowInsecureHttp, setAllowInsecureHttp] = useState(false);
  const submit = () => {
    setBusy(true);
    call('sync.enroll', {
      serverUrl,
      code,
      deviceName,
      ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
    }).then(
      () => {
        setBusy(false);
        onDone();
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof ApiCallError && e.error.code === 'validation' && e.error.issues) {
          setErrors(fieldErrors(t, e.error.issues));
          setFailure(null);
        } else {
          setErrors({});
          setFailure(errorMessage(t, e));
        }
      },
    );
  };
  return (
    <Fieldset legend={t('sync.enrollTitle')}>
      <Stack maw={520}>
        <Text size="sm">{t('sync.enrollHelp')}</Text>
        <TextInput
          label={t('sync.serverUrl')}
          value={serverUrl}
          onChange={(e) => setServerUrl(e.currentTarget.value)}
          error={errors.serverUrl}
          name="serverUrl"
        />
        <TextInput
          label={t('sync.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          name="code"
          autoComplete="off"
        />
        <TextInput
          label={t('sync.deviceName')}
          placeholder={t('sync.deviceNamePlaceholder')}
          value={deviceName}
          onChange={(e) => setDeviceName(e.currentTarget.value)}
          error={errors.deviceName}
          name="deviceName"
        />
        {serverUrl.startsWith('http://') && (
          <Checkbox
            label={t('sync.allowInsecure')}
            description={t('sync.allowInsecureHelp')}
            checked={allowInsecureHttp}
            onChange={(e) => setAllowInsecureHttp(e.currentTarget.checked)}
            color="orange"
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Button onClick={submit} loading={busy} w="fit-content">
          {t('sync.enroll')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
