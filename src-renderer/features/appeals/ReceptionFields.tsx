import { Checkbox, Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_FORMS, APPEAL_KINDS, CHANNELS } from '../../../src-shared/domain/enums';
import { dateProps, enumOptions, textProps, type FieldsProps } from './field-binding';
import type { Reference } from './use-reference';
import { DateField, DateTimeField } from '../../app/DateFields';

/** When, by whom and how the appeal was received. */
export function ReceptionFields(props: FieldsProps & { reference: Reference }) {
  const { t } = useTranslation();
  const { state, set, errors, reference } = props;
  // Received from another body rather than from its author (ССТУ's «isDirect»).
  const [forwarded, setForwarded] = useState(() => !!state.forwardedFrom);
  const officials = reference.officials
    .filter((o) => o.active || o.id === state.officialId)
    .map((o) => ({ value: o.id, label: `${o.fullName}, ${o.position}` }));
  return (
    <Fieldset legend={t('card.sectionReception')}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DateTimeField
          {...dateProps(props, 'registeredAt', t('fields.registeredAt'))}
          withAsterisk
        />
        <Select
          name="officialId"
          label={t('fields.officialId')}
          data={officials}
          value={state.officialId}
          onChange={(v) => set('officialId', v)}
          error={errors.officialId}
          searchable
          allowDeselect={false}
          withAsterisk
          data-testid="official-select"
        />
        <Select
          name="channel"
          label={t('fields.channel')}
          data={enumOptions(CHANNELS, t, 'channel')}
          value={state.channel}
          onChange={(v) => v && set('channel', v as FormState['channel'])}
          allowDeselect={false}
        />
        <Select
          name="kind"
          label={t('fields.kind')}
          data={enumOptions(APPEAL_KINDS, t, 'kind')}
          value={state.kind}
          onChange={(v) => v && set('kind', v as FormState['kind'])}
          allowDeselect={false}
        />
        <Select
          name="form"
          label={t('fields.form')}
          data={enumOptions(APPEAL_FORMS, t, 'form')}
          value={state.form}
          onChange={(v) => v && set('form', v as FormState['form'])}
          allowDeselect={false}
        />
        <Checkbox
          mt="xl"
          name="avRecordingNotified"
          label={t('fields.avRecordingNotified')}
          checked={state.avRecordingNotified}
          onChange={(e) => set('avRecordingNotified', e.currentTarget.checked)}
        />
      </SimpleGrid>
      <Checkbox
        mt="md"
        label={t('card.forwarded')}
        checked={forwarded}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setForwarded(on);
          if (!on) {
            set('forwardedFrom', '');
            set('forwardedNumber', '');
            set('forwardedDate', '');
            set('viaMedo', false);
          }
        }}
      />
      {forwarded && (
        <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs" data-testid="forwarded">
          <TextInput
            {...textProps(props, 'forwardedFrom', t('fields.forwardedFrom'))}
            withAsterisk
          />
          <TextInput {...textProps(props, 'forwardedNumber', t('fields.forwardedNumber'))} />
          <DateField {...dateProps(props, 'forwardedDate', t('fields.forwardedDate'))} />
          <DateField {...dateProps(props, 'receivedDate', t('fields.receivedDate'))} />
          <Checkbox
            mt="xl"
            name="viaMedo"
            label={t('fields.viaMedo')}
            checked={state.viaMedo}
            onChange={(e) => set('viaMedo', e.currentTarget.checked)}
          />
        </SimpleGrid>
      )}
    </Fieldset>
  );
}

type FormState = FieldsProps['state'];
