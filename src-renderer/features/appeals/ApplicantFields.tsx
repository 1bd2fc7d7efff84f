import { Fieldset, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APPLICANT_TYPES, SOCIAL_CATEGORIES } from '../../../src-shared/domain/enums';
import { enumOptions, textProps, type FieldsProps } from './field-binding';

/** The visitor, or the organisation and its representative. */
export function ApplicantFields(props: FieldsProps) {
  const { t } = useTranslation();
  const { state, set, errors } = props;
  const isOrg = state.applicantType === 'organisation';
  return (
    <Fieldset legend={t('card.sectionApplicant')}>
      <SegmentedControl
        mb="sm"
        data={enumOptions(APPLICANT_TYPES, t, 'applicantType')}
        value={state.applicantType}
        onChange={(v) => set('applicantType', v as typeof state.applicantType)}
        aria-label={t('fields.applicantType')}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {isOrg && (
          <TextInput
            {...textProps(props, 'organisationName', t('fields.organisationName'))}
            withAsterisk
          />
        )}
        {isOrg && (
          <TextInput
            {...textProps(props, 'representativeName', t('fields.representativeName'))}
            withAsterisk
          />
        )}
        {isOrg && (
          <TextInput {...textProps(props, 'powerOfAttorney', t('fields.powerOfAttorney'))} />
        )}
        <TextInput
          {...textProps(props, 'visitorName', t('fields.visitorName'))}
          withAsterisk={!isOrg}
          autoComplete="off"
        />
        <TextInput {...textProps(props, 'visitorAddress', t('fields.visitorAddress'))} />
        <TextInput {...textProps(props, 'visitorPhone', t('fields.visitorPhone'))} type="tel" />
        <TextInput {...textProps(props, 'visitorEmail', t('fields.visitorEmail'))} />
        <Select
          name="socialCategory"
          label={t('fields.socialCategory')}
          data={enumOptions(SOCIAL_CATEGORIES, t, 'socialCategory')}
          value={state.socialCategory}
          onChange={(v) => v && set('socialCategory', v as typeof state.socialCategory)}
          allowDeselect={false}
          error={errors.socialCategory}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
