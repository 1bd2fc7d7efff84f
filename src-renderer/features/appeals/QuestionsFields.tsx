import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../src-shared/domain/attachments';
import {
  outcomeFromCard,
  QUESTION_STATUSES,
  type QuestionOutcome,
  type QuestionSource,
} from '../../../src-shared/domain/questions';
import { call } from '../../api/client';
import { enumOptions, type FieldsProps } from './field-binding';
import type { FormState } from './form-state';
import { formatDate } from './format';
import { DateField } from '../../app/DateFields';

/** The card's fields a following question's outcome comes from, as the form holds them. */
export function questionSource(state: FormState): QuestionSource {
  return {
    registeredAt: state.registeredAt,
    topicCodes: state.topicCodes,
    status: state.status,
    result: state.result,
    answerDate: state.answerDate || null,
    extensionDays: state.extensionDays,
    redirectRecipient: state.redirectRecipient || null,
    redirectDate: state.redirectDate || null,
    redirectNumber: state.redirectNumber || null,
    redirectDepartmentId: state.redirectDepartmentId || null,
    measuresTaken: state.measuresTaken,
    answerAttachmentId: state.answerAttachmentId,
    questions: {},
  };
}

/** The card's attachments, for choosing the answer document (a new card has none yet). */
export function useCardAttachments(appealId: string | null): Attachment[] {
  const [files, setFiles] = useState<Attachment[]>([]);
  useEffect(() => {
    if (!appealId) return;
    call('attachments.list', { appealId }).then(setFiles, () => setFiles([]));
  }, [appealId]);
  return files;
}

export function documentOptions(files: readonly Attachment[]) {
  return files.map((f) => ({ value: f.id, label: f.fileName }));
}

/**
 * Results per question (issue 14): every classifier code of the card is a question. By default
 * a question follows the card's outcome («как для всех вопросов»); one switch sets it apart
 * with an outcome of its own, the same switch gives it back to the card. Keyboard first: each
 * row is a switch, a status list and dates, in reading order.
 */
export function QuestionsFields(props: FieldsProps & { appealId: string | null }) {
  const { t } = useTranslation();
  const { state, set, errors } = props;
  const files = useCardAttachments(props.appealId);
  const shared = outcomeFromCard(questionSource(state));
  // The form writes whole outcomes only (a switch copies the card's, then fields change it).
  const outcomes = state.questions as Record<string, QuestionOutcome>;
  const setOwn = (code: string, outcome: QuestionOutcome | null) => {
    const next = { ...outcomes };
    if (outcome) next[code] = outcome;
    else delete next[code];
    set('questions', next);
  };
  const patch = (code: string, change: Partial<QuestionOutcome>) => {
    const current = outcomes[code];
    if (current) setOwn(code, { ...current, ...change });
  };
  if (state.topicCodes.length === 0) return null;
  const apart = Object.keys(state.questions).length;
  return (
    <Fieldset legend={t('fields.questions')} data-testid="questions">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('questions.hint')}
          </Text>
          {apart > 0 && (
            <Button size="xs" variant="default" onClick={() => set('questions', {})}>
              {t('questions.allFollow')}
            </Button>
          )}
        </Group>
        {errors.questions && (
          <Alert color="red" role="alert">
            {errors.questions}
          </Alert>
        )}
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {state.topicCodes.map((code, i) => {
              const own = outcomes[code];
              return (
                <Table.Tr key={code} data-testid={`question-${code}`}>
                  <Table.Td w={210} style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={500}>
                      {t('questions.number', { n: i + 1 })}: {code}
                    </Text>
                    <Switch
                      mt={6}
                      size="sm"
                      label={t('questions.apart')}
                      aria-label={`${t('questions.apart')}: ${code}`}
                      checked={!!own}
                      onChange={(e) => setOwn(code, e.currentTarget.checked ? { ...shared } : null)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {own ? (
                      <OwnOutcome
                        code={code}
                        outcome={own}
                        files={files}
                        onChange={(change) => patch(code, change)}
                      />
                    ) : (
                      <Group gap="xs" pt={4}>
                        <Badge variant="light">{t(`enums.questionStatus.${shared.status}`)}</Badge>
                        {shared.responseDate && (
                          <Text size="sm">{formatDate(shared.responseDate)}</Text>
                        )}
                        <Text size="sm" c="dimmed">
                          {t('questions.followsCard')}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Fieldset>
  );
}

function OwnOutcome({
  code,
  outcome,
  files,
  onChange,
}: {
  code: string;
  outcome: QuestionOutcome;
  files: readonly Attachment[];
  onChange: (change: Partial<QuestionOutcome>) => void;
}) {
  const { t } = useTranslation();
  const date = (key: 'responseDate' | 'transferDate') => ({
    value: outcome[key] ?? '',
    keepInvalid: true,
    onChange: (value: string) => onChange({ [key]: value || null }),
  });
  const text = (key: 'transferRecipient' | 'transferNumber' | 'transferDepartmentId') => ({
    value: outcome[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ [key]: e.currentTarget.value || null }),
  });
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label={t('fields.questionStatus')}
          aria-label={`${t('fields.questionStatus')}: ${code}`}
          data={enumOptions(QUESTION_STATUSES, t, 'questionStatus')}
          value={outcome.status}
          onChange={(v) =>
            v &&
            onChange({
              status: v as QuestionOutcome['status'],
              measuresTaken: v === 'supported' ? outcome.measuresTaken : false,
            })
          }
          allowDeselect={false}
        />
        <DateField
          label={t('fields.responseDate')}
          aria-label={`${t('fields.responseDate')}: ${code}`}
          {...date('responseDate')}
        />
        <Select
          label={t('fields.answerAttachmentId')}
          aria-label={`${t('fields.answerAttachmentId')}: ${code}`}
          data={documentOptions(files)}
          value={outcome.answerAttachmentId}
          onChange={(v) => onChange({ answerAttachmentId: v })}
          placeholder={files.length ? t('fields.none') : t('questions.noFiles')}
          clearable
        />
      </SimpleGrid>
      {outcome.status === 'supported' && (
        <Checkbox
          label={t('fields.measuresTaken')}
          checked={outcome.measuresTaken}
          onChange={(e) => onChange({ measuresTaken: e.currentTarget.checked })}
        />
      )}
      {outcome.status === 'transferred' && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('fields.transferRecipient')}
            withAsterisk
            {...text('transferRecipient')}
          />
          <DateField label={t('fields.transferDate')} {...date('transferDate')} />
          <TextInput label={t('fields.transferNumber')} {...text('transferNumber')} />
          <TextInput label={t('fields.transferDepartmentId')} {...text('transferDepartmentId')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
