import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ruDateTime, toLocalDateTime } from '../../src-shared/domain/dates';
import { releaseSchema, VERSION, type Platform, type Release } from '../../src-shared/updates/feed';
import { ConsoleError, get, post, query, upload } from './api';

const releases = z.array(releaseSchema);

/**
 * Desk releases (docs/updates.md): upload an installer as a new release for a share of desks
 * (10 % first), widen it when it proves itself, withdraw it if it does not. Desks fetch it from
 * /updates/ and install it when the officer chooses or at the end of the day.
 */
export default function ReleasesPage() {
  const { t } = useTranslation();
  const [list, setList] = useState<Release[]>([]);
  const [platform, setPlatform] = useState<Platform>('windows');
  const [version, setVersion] = useState('');
  const [percent, setPercent] = useState<number>(10);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stages, setStages] = useState<Record<string, number>>({});
  const load = useCallback(() => {
    get(releases, '/v1/console/releases').then(setList, () => undefined);
  }, []);
  useEffect(load, [load]);
  const fail = (e: unknown) =>
    setError(e instanceof ConsoleError ? e.message : t('console.releases.failed'));

  const send = (file: File | null) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    upload(
      releaseSchema,
      `/v1/console/releases?${query({ platform, version, name: file.name, percent: String(percent) })}`,
      file,
      setProgress,
    ).then(
      () => {
        setProgress(null);
        setVersion('');
        load();
      },
      (e) => {
        setProgress(null);
        fail(e);
      },
    );
  };
  const key = (r: Release) => `${r.platform}/${r.version}`;
  const change = (path: string, body: object) => {
    setError(null);
    post(releaseSchema, path, body).then(load, fail);
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('console.releases.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('console.releases.help')}
      </Text>
      <Paper withBorder p="md">
        <Group align="end">
          <Select
            label={t('console.releases.platform')}
            data={[
              { value: 'windows', label: 'Windows' },
              { value: 'linux', label: 'Linux' },
            ]}
            value={platform}
            onChange={(v) => v && setPlatform(v as Platform)}
            allowDeselect={false}
            w={140}
          />
          <TextInput
            label={t('console.releases.version')}
            placeholder="1.2.0"
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value.trim())}
            error={version && !VERSION.test(version) ? t('console.releases.badVersion') : null}
            w={140}
          />
          <NumberInput
            label={t('console.releases.percent')}
            value={percent}
            onChange={(v) => setPercent(typeof v === 'number' ? v : 10)}
            min={0}
            max={100}
            suffix=" %"
            w={170}
          />
          <FileButton onChange={send} accept=".exe,.AppImage,.deb,.rpm">
            {(props) => (
              <Button {...props} disabled={!VERSION.test(version) || progress !== null}>
                {t('console.releases.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        {progress !== null && (
          <Progress value={progress * 100} mt="sm" aria-label={t('console.releases.uploading')} />
        )}
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {list.length === 0 ? (
        <Text c="dimmed">{t('console.releases.none')}</Text>
      ) : (
        <Table striped withTableBorder aria-label={t('console.releases.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.releases.version')}</Table.Th>
              <Table.Th>{t('console.releases.platform')}</Table.Th>
              <Table.Th>{t('console.releases.files')}</Table.Th>
              <Table.Th>{t('console.releases.date')}</Table.Th>
              <Table.Th>{t('console.releases.stage')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={key(r)}>
                <Table.Td>{r.version}</Table.Td>
                <Table.Td>{r.platform === 'windows' ? 'Windows' : 'Linux'}</Table.Td>
                <Table.Td>{r.files.map((f) => f.name).join(', ')}</Table.Td>
                <Table.Td>{ruDateTime(toLocalDateTime(new Date(r.releaseDate)))}</Table.Td>
                <Table.Td>
                  {r.withdrawn ? (
                    <Badge color="gray">{t('console.releases.withdrawn')}</Badge>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <NumberInput
                        aria-label={`${t('console.releases.percent')}: ${r.version} ${r.platform}`}
                        value={stages[key(r)] ?? r.stage.percent}
                        onChange={(v) =>
                          typeof v === 'number' && setStages({ ...stages, [key(r)]: v })
                        }
                        min={0}
                        max={100}
                        suffix=" %"
                        w={100}
                        size="xs"
                      />
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          change('/v1/console/releases/stage', {
                            platform: r.platform,
                            version: r.version,
                            percent: stages[key(r)] ?? r.stage.percent,
                          })
                        }
                      >
                        {t('console.releases.apply')}
                      </Button>
                      {r.stage.offices.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {r.stage.offices.join(', ')}
                        </Text>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {!r.withdrawn && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() =>
                        change('/v1/console/releases/withdraw', {
                          platform: r.platform,
                          version: r.version,
                        })
                      }
                    >
                      {t('console.releases.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
