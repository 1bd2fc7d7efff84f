import { Alert, Button, FileInput, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, translateIssue } from '../../app/errors';

/** Loads a newer edition of the thematic classifier from a CSV in the shipped format. */
export function ClassifierImport() {
  const { t } = useTranslation();
  const [info, setInfo] = useState({ edition: '', size: 0 });
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    call('app.info', {}).then(
      (i) => setInfo({ edition: i.classifierEdition ?? '', size: i.classifierSize }),
      () => undefined,
    );
  useEffect(() => void refresh(), []);

  const load = async () => {
    if (!file) return;
    setBusy(true);
    setMessages([]);
    setResult(null);
    try {
      const r = await call('classifier.import', {
        csv: await file.text(),
        edition: edition || file.name,
      });
      setResult(t('settings.imported', r));
      void refresh();
    } catch (e) {
      const issues = e instanceof ApiCallError ? (e.error.issues ?? []) : [];
      setMessages(issues.length ? issues.map((i) => translateIssue(t, i)) : [errorMessage(t, e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Fieldset legend={t('settings.classifier')}>
      <Stack>
        <Text size="sm" data-testid="classifier-edition">
          {t('settings.edition', { edition: info.edition, size: info.size })}
        </Text>
        <Group align="end">
          <FileInput
            label={t('settings.file')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            w={360}
          />
          <TextInput
            label={t('settings.editionField')}
            value={edition}
            onChange={(e) => setEdition(e.currentTarget.value)}
            placeholder="2026-01-31"
          />
          <Button onClick={load} loading={busy} disabled={!file}>
            {t('actions.import')}
          </Button>
        </Group>
        {result && <Alert color="green">{result}</Alert>}
        {messages.length > 0 && (
          <Alert color="red" role="alert">
            {messages.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
