import { Checkbox, Fieldset, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../src-shared/domain/limits';
import { ClassifierPicker } from './ClassifierPicker';
import { TopicHelpers } from './TopicHelpers';
import { textProps, type FieldsProps } from './field-binding';
import type { Reference } from './use-reference';

/** What the appeal is about: content, classifier codes, service, collective/repeat marks. */
export function ContentFields(props: FieldsProps & { reference: Reference }) {
  const { t } = useTranslation();
  const { state, set, errors, reference } = props;
  const services = reference.services
    .filter((s) => s.active || s.id === state.serviceId)
    .map((s) => ({ value: s.id, label: `${s.title} (${t(`enums.serviceKind.${s.kind}`)})` }));
  return (
    <Fieldset legend={t('card.sectionAppeal')}>
      <Stack>
        <Textarea
          {...textProps(props, 'content', t('fields.content'))}
          autosize
          minRows={4}
          maxRows={14}
          withAsterisk
          description={`${state.content.length} / ${LIMITS.content}`}
        />
        <ClassifierPicker
          value={state.topicCodes}
          onChange={(codes) => set('topicCodes', codes)}
          error={errors.topicCodes}
        />
        <TopicHelpers
          content={state.content}
          value={state.topicCodes}
          onChange={(codes) => set('topicCodes', codes)}
        />
        <Select
          name="serviceId"
          label={t('fields.serviceId')}
          data={services}
          value={state.serviceId}
          onChange={(v) => set('serviceId', v)}
          clearable
          searchable
          error={errors.serviceId}
        />
        <Group>
          <Checkbox
            name="isRepeat"
            label={t('fields.isRepeat')}
            checked={state.isRepeat}
            onChange={(e) => set('isRepeat', e.currentTarget.checked)}
          />
          <Checkbox
            name="isCollective"
            label={t('fields.isCollective')}
            checked={state.isCollective}
            onChange={(e) => set('isCollective', e.currentTarget.checked)}
          />
          {state.isCollective && (
            <NumberInput
              name="signatoryCount"
              label={t('fields.signatoryCount')}
              value={state.signatoryCount ?? ''}
              onChange={(v) => set('signatoryCount', typeof v === 'number' ? v : null)}
              min={2}
              allowDecimal={false}
              error={errors.signatoryCount}
              w={180}
            />
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
