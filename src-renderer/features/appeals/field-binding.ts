import type { ChangeEvent } from 'react';
import type { FieldErrors } from '../../app/errors';
import type { FormState } from './form-state';

export type SetField = <K extends keyof FormState>(key: K, value: FormState[K]) => void;

export interface FieldsProps {
  state: FormState;
  set: SetField;
  errors: FieldErrors;
}

/** What every field bound to the form state shows: its name, label, value and error. */
function bound({ state, errors }: FieldsProps, key: keyof FormState, label: string) {
  return {
    name: key,
    id: `field-${key}`,
    label,
    value: String(state[key] ?? ''),
    error: errors[key],
  };
}

/** Props that tie a date (or date-time) field to one field of the form state. */
export function dateProps(props: FieldsProps, key: keyof FormState, label: string) {
  return {
    ...bound(props, key, label),
    keepInvalid: true,
    onChange: (value: string) => props.set(key, value as never),
  };
}

/** Props that tie a text input to one field of the form state. */
export function textProps(props: FieldsProps, key: keyof FormState, label: string) {
  return {
    ...bound(props, key, label),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      props.set(key, e.currentTarget.value as never),
  };
}

/** Options of a Select for a closed vocabulary, labelled from the i18n "enums" section. */
export function enumOptions(values: readonly string[], t: (key: string) => string, group: string) {
  return values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
}
