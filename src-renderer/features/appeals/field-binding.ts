import type { ChangeEvent } from 'react';
import type { FieldErrors } from '../../app/errors';
import type { FormState } from './form-state';

export type SetField = <K extends keyof FormState>(key: K, value: FormState[K]) => void;

export interface FieldsProps {
  state: FormState;
  set: SetField;
  errors: FieldErrors;
}

/** Props that tie a date (or date-time) field to one field of the form state. */
export function dateProps(
  { state, set, errors }: FieldsProps,
  key: keyof FormState,
  label: string,
) {
  return {
    name: key,
    id: `field-${key}`,
    label,
    value: String(state[key] ?? ''),
    error: errors[key],
    keepInvalid: true,
    onChange: (value: string) => set(key, value as never),
  };
}

/** Props that tie a text input to one field of the form state. */
export function textProps(
  { state, set, errors }: FieldsProps,
  key: keyof FormState,
  label: string,
) {
  return {
    name: key,
    id: `field-${key}`,
    label,
    value: String(state[key] ?? ''),
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value as never),
  };
}

/** Options of a Select for a closed vocabulary, labelled from the i18n "enums" section. */
export function enumOptions(values: readonly string[], t: (key: string) => string, group: string) {
  return values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
}
