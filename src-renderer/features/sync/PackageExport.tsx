import {
  Alert,
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { ApiCallError, call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { DateField } from '../../app/DateFields';

/** The offline package for an office without network (docs/sync.md, "Offline package"). */
export function PackageExport({ enrolled }: { enrolled: boolean }) {
  const { t } = useTranslation();
  const [centralKey, setCentralKey] = useState('');
  // A desk enrolled before packages were encrypted has no key yet either.
  const [needsKey, setNeedsKey] = useState(false);
  const [keyNote, setKeyNote] = useState<{ ok: boolean; text: string } | null>(null);
  const saveKey = () =>
    call('sync.setPackageKey', { key: centralKey }).then(
      () => setKeyNote({ ok: true, text: t('sync.packageKeySaved') }),
      (e: unknown) => setKeyNote({ ok: false, text: errorMessage(t, e) }),
    );
  const [kind, setKind] = useState<'pending' | 'period'>('pending');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<Output<'sync.exportPackage'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const save = () =>
    call('sync.exportPackage', kind === 'pending' ? { kind } : { kind, from, to }).then(
      (r) => {
        setResult(r);
        setFailure(null);
      },
      (e: unknown) => {
        setResult(null);
        setFailure(errorMessage(t, e));
        if (e instanceof ApiCallError && e.error.issues?.[0]?.message === 'no_package_key') {
          setNeedsKey(true);
        }
      },
    );
  return (
    <Fieldset legend={t('sync.packageTitle')}>
      <Stack maw={640}>
        <Text size="sm">{t('sync.packageHelp')}</Text>
        <SegmentedControl
          w="fit-content"
          value={kind}
          onChange={(v) => setKind(v as 'pending' | 'period')}
          data={[
            { value: 'pending', label: t('sync.packagePending') },
            { value: 'period', label: t('sync.packagePeriod') },
          ]}
        />
        {kind === 'period' && (
          <Group>
            <DateField label={t('list.from')} value={from} onChange={setFrom} />
            <DateField label={t('list.to')} value={to} onChange={setTo} />
          </Group>
        )}
        {(!enrolled || needsKey) && (
          <Group align="end">
            <TextInput
              label={t('sync.packageKey')}
              description={t('sync.packageKeyHelp')}
              value={centralKey}
              onChange={(e) => setCentralKey(e.currentTarget.value)}
              w={520}
              ff="monospace"
            />
            <Button variant="default" onClick={() => void saveKey()}>
              {t('actions.save')}
            </Button>
          </Group>
        )}
        {keyNote && (
          <Alert color={keyNote.ok ? 'green' : 'red'} role="status">
            {keyNote.text}
          </Alert>
        )}
        <Button onClick={save} w="fit-content" variant="light">
          {t('sync.packageSave')}
        </Button>
        {result && (
          <Alert color="green" role="status">
            {t('sync.packageSaved', {
              changes: result.changes,
              responses: result.responses,
              kb: Math.ceil(result.bytes / 1024),
            })}
            <Text size="sm" ff="monospace" mt={4}>
              {result.path}
            </Text>
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
