import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  CampaignsList,
  ClassifierEdition,
  OfficialsList,
  ServicesList,
  TopicModelPanel,
} from './ReferenceLists';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { referenceTemplatesSchema, type ReferenceTemplate } from '../../src-shared/console/api';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../src-shared/surveys/definition';
import type { Answers } from '../../src-shared/surveys/model';
import { SurveyForm } from '../kiosk/SurveyForm';
import { ConsoleError, get, post } from './api';

const message = (e: unknown) => (e instanceof ConsoleError ? e.message : String(e));
const published = z.object({ id: z.string(), version: z.number(), title: z.string() });

/** A questionnaire read-only as the kiosk shows it (its skip logic works while one clicks). */
function Preview({ definition }: { definition: SurveyDefinition }) {
  const [answers, setAnswers] = useState<Answers>({});
  return (
    <SurveyForm
      definition={definition}
      services={[]}
      answers={answers}
      onAnswers={setAnswers}
      onePerScreen={false}
      onSubmit={() => undefined}
      submitting={false}
      missing={[]}
    />
  );
}

/**
 * Reference data the central owns, starting with questionnaires: the shipped ones, those
 * published here and their versions; preview; publish a new one or a new version from its
 * JSON (checked as a desk checks an import). What is published reaches every desk on its next
 * sync; the table says how many have it.
 */
export default function ReferencePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1300}>
      <Title order={2}>{t('console.reference.pageTitle')}</Title>
      <Tabs defaultValue="templates" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="templates">{t('console.reference.title')}</Tabs.Tab>
          <Tabs.Tab value="campaigns">{t('console.reference.campaigns')}</Tabs.Tab>
          <Tabs.Tab value="officials">{t('console.reference.officials')}</Tabs.Tab>
          <Tabs.Tab value="services">{t('console.reference.services')}</Tabs.Tab>
          <Tabs.Tab value="classifier">{t('console.reference.classifier')}</Tabs.Tab>
          <Tabs.Tab value="topics">{t('console.reference.topics')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates" pt="md">
          <Templates />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns" pt="md">
          <CampaignsList />
        </Tabs.Panel>
        <Tabs.Panel value="officials" pt="md">
          <OfficialsList />
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="md">
          <ServicesList />
        </Tabs.Panel>
        <Tabs.Panel value="classifier" pt="md">
          <ClassifierEdition />
        </Tabs.Panel>
        <Tabs.Panel value="topics" pt="md">
          <TopicModelPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Templates() {
  const { t } = useTranslation();
  const [list, setList] = useState<ReferenceTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ title: string; definition: SurveyDefinition } | null>(
    null,
  );
  const [pending, setPending] = useState<{
    definition: unknown;
    parsed: SurveyDefinition | null;
    familyId: string | null;
  } | null>(null);
  const load = useCallback(() => {
    get(referenceTemplatesSchema, '/v1/console/reference/templates').then(setList, (e: unknown) =>
      setError(message(e)),
    );
  }, []);
  useEffect(load, [load]);
  const open = (file: File | null, familyId: string | null) => {
    if (!file) return;
    setError(null);
    file.text().then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          setError(t('console.reference.notJson'));
          return;
        }
        const parsed = surveyDefinitionSchema.safeParse(json);
        setPending({ definition: json, parsed: parsed.success ? parsed.data : null, familyId });
      },
      () => setError(t('console.reference.notJson')),
    );
  };
  return (
    <Stack>
      <Text size="sm">{t('console.reference.intro')}</Text>
      <Group>
        <FileButton onChange={(f) => open(f, null)} accept=".json,application/json">
          {(props) => <Button {...props}>{t('console.reference.publishNew')}</Button>}
        </FileButton>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="templates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.reference.template')}</Table.Th>
            <Table.Th>{t('console.reference.version')}</Table.Th>
            <Table.Th>{t('console.reference.source')}</Table.Th>
            <Table.Th>{t('console.reference.desks')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((x) => (
            <Table.Tr key={x.id} data-template={x.title}>
              <Table.Td>{x.title}</Table.Td>
              <Table.Td>{x.version}</Table.Td>
              <Table.Td>
                {x.builtin ? (
                  <Badge color="gray.7">{t('console.reference.builtin')}</Badge>
                ) : (
                  <Badge color="blue.8">{t('console.reference.published')}</Badge>
                )}
              </Table.Td>
              <Table.Td data-testid="template-desks">
                {t('console.reference.desksValue', { have: x.desksHave, of: x.desksTotal })}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      get(
                        z.object({ title: z.string(), definition: surveyDefinitionSchema }),
                        `/v1/console/reference/templates/${x.id}`,
                      ).then(setPreview, (e: unknown) => setError(message(e)))
                    }
                  >
                    {t('console.reference.preview')}
                  </Button>
                  {x.familyId && (
                    <FileButton
                      onChange={(f) => open(f, x.familyId)}
                      accept=".json,application/json"
                    >
                      {(props) => (
                        <Button size="xs" variant="default" {...props}>
                          {t('console.reference.newVersion')}
                        </Button>
                      )}
                    </FileButton>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={preview?.title}
        size="xl"
      >
        {preview && <Preview definition={preview.definition} />}
      </Modal>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('console.reference.confirm')}
        size="xl"
      >
        {pending && (
          <Stack>
            {pending.parsed ? (
              <Preview definition={pending.parsed} />
            ) : (
              <Alert color="yellow">{t('console.reference.cannotPreview')}</Alert>
            )}
            <Group justify="end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('console.cancel')}
              </Button>
              <Button
                onClick={() =>
                  post(published, '/v1/console/reference/templates', {
                    definition: pending.definition,
                    familyId: pending.familyId,
                  }).then(
                    (r) => {
                      setPending(null);
                      notifications.show({
                        color: 'green',
                        message: t('console.reference.done', {
                          title: r.title,
                          version: r.version,
                        }),
                      });
                      load();
                    },
                    (e: unknown) => {
                      setPending(null);
                      setError(message(e));
                    },
                  )
                }
              >
                {t('console.reference.publish')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
