import {
  Badge,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANSWER_MODES, APPEAL_STATUSES, RESULTS } from '../../../src-shared/domain/enums';
import { dueDateFor } from '../../../src-shared/domain/deadlines';
import { isValidLocalDateTime } from '../../../src-shared/domain/dates';
import { dateProps, enumOptions, textProps, type FieldsProps } from './field-binding';
import { formatDate } from './format';
import { SignatureField } from './SignatureField';
import { documentOptions, useCardAttachments } from './QuestionsFields';
import { DateField } from '../../app/DateFields';

/** How the appeal is answered (oral with consent, written in 30 days, redirected) and its outcome. */
export function AnswerFields(props: FieldsProps & { appealId: string | null }) {
  const { t } = useTranslation();
  const { state, set, errors } = props;
  const files = useCardAttachments(props.appealId);
  const due = isValidLocalDateTime(state.registeredAt)
    ? dueDateFor(state.registeredAt, state.answerMode, state.extensionDays)
    : null;
  return (
    <Fieldset legend={t('card.sectionAnswer')}>
      <Stack>
        <Group align="end">
          <Select
            name="answerMode"
            label={t('fields.answerMode')}
            data={enumOptions(ANSWER_MODES, t, 'answerMode')}
            value={state.answerMode}
            onChange={(v) => set('answerMode', v as typeof state.answerMode)}
            error={errors.answerMode}
            allowDeselect={false}
            w={340}
          />
          <Text size="sm" pb={8} data-testid="due-preview">
            {t('card.dueDate')}:{' '}
            <Badge variant="light">{due ? formatDate(due) : t('card.noDue')}</Badge>
          </Text>
        </Group>
        {state.answerMode === 'oral' && (
          <>
            <Checkbox
              name="oralConsent"
              label={t('fields.oralConsent')}
              checked={state.oralConsent}
              onChange={(e) => set('oralConsent', e.currentTarget.checked)}
              error={errors.oralConsent}
            />
            {state.oralConsent && (
              <SignatureField
                signature={state.consentSignature}
                onPaper={state.consentOnPaper}
                onSignature={(v) => set('consentSignature', v)}
                onPaperChange={(v) => set('consentOnPaper', v)}
                error={errors.consentSignature}
              />
            )}
            <Textarea
              {...textProps(props, 'oralAnswer', t('fields.oralAnswer'))}
              autosize
              minRows={2}
            />
          </>
        )}
        {state.answerMode === 'written' && (
          <Group align="start" grow>
            <NumberInput
              name="extensionDays"
              id="field-extensionDays"
              label={t('fields.extensionDays')}
              description={t('card.extensionHint')}
              min={1}
              max={30}
              allowDecimal={false}
              value={state.extensionDays ?? ''}
              onChange={(v) => set('extensionDays', typeof v === 'number' ? v : null)}
              error={errors.extensionDays}
              maw={260}
            />
            {state.extensionDays !== null && (
              <TextInput
                {...textProps(props, 'extensionReason', t('fields.extensionReason'))}
                withAsterisk
              />
            )}
          </Group>
        )}
        {state.answerMode === 'redirected' && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              {...textProps(props, 'redirectRecipient', t('fields.redirectRecipient'))}
              withAsterisk
            />
            <DateField {...dateProps(props, 'redirectDate', t('fields.redirectDate'))} />
            <TextInput {...textProps(props, 'redirectNumber', t('fields.redirectNumber'))} />
            <TextInput
              {...textProps(props, 'redirectDepartmentId', t('fields.redirectDepartmentId'))}
              onChange={(e) => set('redirectDepartmentId', e.currentTarget.value.trim() || null)}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput {...textProps(props, 'executor', t('fields.executor'))} />
          <Select
            name="status"
            label={t('fields.status')}
            data={enumOptions(APPEAL_STATUSES, t, 'status')}
            value={state.status}
            onChange={(v) => v && set('status', v as typeof state.status)}
            allowDeselect={false}
            error={errors.status}
          />
          <DateField {...dateProps(props, 'answerDate', t('fields.answerDate'))} />
          <Select
            name="result"
            label={t('fields.result')}
            data={enumOptions(RESULTS, t, 'result')}
            value={state.result}
            onChange={(v) => set('result', v as typeof state.result)}
            clearable
          />
        </SimpleGrid>
        <Group align="end">
          {state.result === 'supported' && (
            <Checkbox
              name="measuresTaken"
              label={t('fields.measuresTaken')}
              checked={state.measuresTaken}
              onChange={(e) => set('measuresTaken', e.currentTarget.checked)}
              error={errors.measuresTaken}
            />
          )}
          <Select
            name="answerAttachmentId"
            label={t('fields.answerAttachmentId')}
            description={t('questions.documentHint')}
            data={documentOptions(files)}
            value={state.answerAttachmentId}
            onChange={(v) => set('answerAttachmentId', v)}
            placeholder={files.length ? t('fields.none') : t('questions.noFiles')}
            error={errors.answerAttachmentId}
            clearable
            w={360}
          />
        </Group>
        <Textarea
          {...textProps(props, 'resultNote', t('fields.resultNote'))}
          autosize
          minRows={1}
        />
      </Stack>
    </Fieldset>
  );
}
