import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  officeOverviewSchema,
  referenceRecordsSchema,
  referenceTemplatesSchema,
  type ConsoleReferenceEntity,
} from '../../src-shared/console/api';
import { SERVICE_KINDS } from '../../src-shared/domain/enums';
import { ENUM_LABELS_RU } from '../../src-shared/domain/labels-ru';
import { ConsoleError, get, post } from './api';
import { DateField } from '../app/DateFields';
import { topicModelBuildsSchema, type TopicModelBuilds } from '../../src-shared/topics/schema';

type Records = z.output<typeof referenceRecordsSchema>;
const saved = z.object({ id: z.string() });
const message = (e: unknown) => (e instanceof ConsoleError ? e.message : String(e));

/** A reference list with how many desks have each record, reloaded after every save. */
function useRecords(entity: ConsoleReferenceEntity) {
  const [records, setRecords] = useState<Records>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    get(referenceRecordsSchema, `/v1/console/reference/${entity}`).then(setRecords, (e: unknown) =>
      setError(message(e)),
    );
  }, [entity]);
  useEffect(load, [load]);
  const save = (body: object) =>
    post(saved, `/v1/console/reference/${entity}`, body).then(
      () => {
        setError(null);
        notifications.show({ color: 'green', message: 'Сохранено; уйдёт на рабочие места.' });
        load();
      },
      (e: unknown) => setError(message(e)),
    );
  return { records, error, save };
}

function Desks({ r }: { r: Records[number] }) {
  const { t } = useTranslation();
  return <>{t('console.reference.desksValue', { have: r.desksHave, of: r.desksTotal })}</>;
}

/** Officials who receive visitors: every desk's list of them. */
export function OfficialsList() {
  const { t } = useTranslation();
  const { records, error, save } = useRecords('official');
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save({ fullName, position, active: true }).then(() => {
              setFullName('');
              setPosition('');
            });
          }}
        >
          <Group align="end">
            <TextInput
              label={t('console.reference.fullName')}
              w={320}
              value={fullName}
              onChange={(e) => setFullName(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('console.reference.position')}
              w={360}
              value={position}
              onChange={(e) => setPosition(e.currentTarget.value)}
              required
            />
            <Button type="submit">{t('console.reference.add')}</Button>
          </Group>
        </form>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="officials-table">
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{String(r.data.fullName)}</Table.Td>
              <Table.Td>{String(r.data.position)}</Table.Td>
              <Table.Td>
                {r.data.active ? t('console.offices.active') : t('console.accounts.disabled')}
              </Table.Td>
              <Table.Td>
                <Desks r={r} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => void save({ ...r.data, active: !r.data.active })}
                >
                  {r.data.active ? t('console.accounts.disable') : t('console.accounts.enable')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Services, support measures and functions that surveys and cards refer to. */
export function ServicesList() {
  const { t } = useTranslation();
  const { records, error, save } = useRecords('service');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<(typeof SERVICE_KINDS)[number]>('service');
  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save({ title, kind, active: true }).then(() => setTitle(''));
          }}
        >
          <Group align="end">
            <TextInput
              label={t('console.reference.serviceTitle')}
              w={480}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
            />
            <Select
              label={t('console.reference.kind')}
              w={220}
              data={SERVICE_KINDS.map((k) => ({ value: k, label: ENUM_LABELS_RU.serviceKind[k] }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => v && setKind(v as typeof kind)}
            />
            <Button type="submit">{t('console.reference.add')}</Button>
          </Group>
        </form>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{String(r.data.title)}</Table.Td>
              <Table.Td>
                {ENUM_LABELS_RU.serviceKind[r.data.kind as (typeof SERVICE_KINDS)[number]]}
              </Table.Td>
              <Table.Td>
                {r.data.active ? t('console.offices.active') : t('console.accounts.disabled')}
              </Table.Td>
              <Table.Td>
                <Desks r={r} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => void save({ ...r.data, active: !r.data.active })}
                >
                  {r.data.active ? t('console.accounts.disable') : t('console.accounts.enable')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * Survey campaigns: a questionnaire, a period, the channels, and where it runs — chosen offices
 * (all their desks) and single desks; none chosen means every desk of the region.
 */
export function CampaignsList() {
  const { t } = useTranslation();
  const { records, error, save } = useRecords('campaign');
  const [templates, setTemplates] = useState<{ value: string; label: string }[]>([]);
  const [offices, setOffices] = useState<z.output<typeof officeOverviewSchema>>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [channels, setChannels] = useState<string[]>(['kiosk', 'paper']);
  const [officeCodes, setOfficeCodes] = useState<string[]>([]);
  const [deskCodes, setDeskCodes] = useState<string[]>([]);
  useEffect(() => {
    get(referenceTemplatesSchema, '/v1/console/reference/templates').then(
      (list) =>
        setTemplates(list.map((x) => ({ value: x.id, label: `${x.title} (v${x.version})` }))),
      () => undefined,
    );
    get(officeOverviewSchema, '/v1/console/offices').then(setOffices, () => undefined);
  }, []);
  const desks = offices.flatMap((o) =>
    o.desks
      .filter((d) => d.deskCode && !d.revokedAt)
      .map((d) => ({ office: o.code, code: d.deskCode! })),
  );
  const chosen = [
    ...new Set([
      ...desks.filter((d) => officeCodes.includes(d.office)).map((d) => d.code),
      ...deskCodes,
    ]),
  ];
  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (officeCodes.length + deskCodes.length > 0 && chosen.length === 0) {
              notifications.show({ color: 'red', message: t('console.reference.noDesks') });
              return;
            }
            void save({
              templateId,
              title,
              startsOn,
              endsOn,
              serviceIds: [],
              deskCodes: chosen,
              channels,
              active: true,
            });
          }}
        >
          <Stack gap="xs">
            <Group align="end">
              <Select
                label={t('console.reference.template')}
                w={420}
                data={templates}
                value={templateId}
                onChange={setTemplateId}
                required
              />
              <TextInput
                label={t('console.reference.campaignTitle')}
                w={320}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                required
              />
            </Group>
            <Group align="end">
              <DateField
                label={t('console.reference.startsOn')}
                value={startsOn}
                onChange={setStartsOn}
                required
              />
              <DateField
                label={t('console.reference.endsOn')}
                value={endsOn}
                onChange={setEndsOn}
                required
              />
              <Checkbox.Group
                label={t('console.reference.channels')}
                value={channels}
                onChange={setChannels}
              >
                <Group mt={6}>
                  <Checkbox value="kiosk" label={t('console.reference.kiosk')} />
                  <Checkbox value="paper" label={t('console.reference.paper')} />
                  <Checkbox value="online" label={t('console.reference.online')} />
                </Group>
              </Checkbox.Group>
            </Group>
            <Group align="end">
              <MultiSelect
                label={t('console.reference.offices')}
                description={t('console.reference.officesHint')}
                w={420}
                data={offices.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
                value={officeCodes}
                onChange={setOfficeCodes}
                searchable
              />
              <MultiSelect
                label={t('console.reference.deskCodes')}
                w={320}
                data={[...new Set(desks.map((d) => d.code))]}
                value={deskCodes}
                onChange={setDeskCodes}
                searchable
              />
              <Button type="submit">{t('console.reference.addCampaign')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="campaigns-table">
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{String(r.data.title)}</Table.Td>
              <Table.Td>
                {String(r.data.startsOn)} — {String(r.data.endsOn)}
              </Table.Td>
              <Table.Td>
                {(r.data.deskCodes as string[]).length
                  ? (r.data.deskCodes as string[]).join(', ')
                  : t('console.reference.allDesks')}
              </Table.Td>
              <Table.Td>
                <Desks r={r} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => void save({ ...r.data, active: !r.data.active })}
                >
                  {r.data.active ? t('console.reference.close') : t('console.reference.reopen')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A new edition of the thematic classifier from its CSV: what changed reaches the desks. */
export function ClassifierEdition() {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ nodes: number; written: number; retired: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    file
      .text()
      .then((csv) =>
        post(
          z.object({ nodes: z.number(), written: z.number(), retired: z.number() }),
          '/v1/console/reference/classifier',
          { csv },
        ),
      )
      .then(setResult, (e: unknown) => setError(message(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Stack>
      <Text size="sm">{t('console.reference.classifierIntro')}</Text>
      <FileButton onChange={send} accept=".csv,text/csv">
        {(props) => (
          <Button loading={busy} {...props} w="fit-content">
            {t('console.reference.classifierUpload')}
          </Button>
        )}
      </FileButton>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result && (
        <Alert color="green" data-testid="classifier-result">
          {t('console.reference.classifierDone', result)}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The region's topic model (docs/topics.md): the central's builds and a button to build now;
 * desks get the newest on their next sync.
 */
export function TopicModelPanel() {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<TopicModelBuilds | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    get(topicModelBuildsSchema, '/v1/console/topic-model').then(setData, (e: unknown) =>
      setError(message(e)),
    );
  }, []);
  const build = () => {
    setBusy(true);
    setError(null);
    setNote(null);
    post(topicModelBuildsSchema, '/v1/console/topic-model', {})
      .then(
        (r) => {
          setData(r);
          setNote(
            r.version === null
              ? t('console.reference.topicsUnchanged')
              : t('console.reference.topicsBuilt', { version: r.version }),
          );
        },
        (e: unknown) => setError(message(e)),
      )
      .finally(() => setBusy(false));
  };
  const number = (n: number, digits = 0) =>
    n.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  return (
    <Stack>
      <Text size="sm">{t('console.reference.topicsIntro')}</Text>
      <Button loading={busy} onClick={build} w="fit-content">
        {t('console.reference.topicsBuild')}
      </Button>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {note && (
        <Alert color="green" data-testid="topic-model-note">
          {note}
        </Alert>
      )}
      {data && data.builds.length === 0 && (
        <Text c="dimmed">{t('console.reference.topicsNone')}</Text>
      )}
      {data && data.builds.length > 0 && (
        <Table striped withTableBorder data-testid="topic-model-builds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.reference.topicsVersion')}</Table.Th>
              <Table.Th>{t('console.reference.topicsAt')}</Table.Th>
              <Table.Th>{t('console.reference.topicsCards')}</Table.Th>
              <Table.Th>{t('console.reference.topicsSize')}</Table.Th>
              <Table.Th>{t('console.reference.topicsMs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.builds.map((b) => (
              <Table.Tr key={b.version}>
                <Table.Td>{b.version}</Table.Td>
                <Table.Td>{new Date(b.built_at).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{number(b.cards)}</Table.Td>
                <Table.Td>{number(b.bytes / 1024)}</Table.Td>
                <Table.Td>{number(b.build_ms / 1000, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
