import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import 'dayjs/locale/ru';
import { DatePicker, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseRuDate,
  parseRuDateTime,
  parseRuMonth,
  parseTime,
  ruDate,
  ruDateTime,
  ruMonth,
} from '../../src-shared/domain/dates';

/*
 * Date, date-time, time and month fields that read and write Russian forms whatever the
 * operating system's locale (a native <input type="date"> follows it: «11/27/2026» in an English
 * Windows). The value is the stored form ('2026-11-27', '2026-11-27T10:30', '10:30', '2026-11');
 * the officer types '27.11.2026' (or pastes the stored form), and a date field also has a
 * calendar in Russian. Parsing and formatting live once, in src-shared/domain/dates.ts.
 */

type Kind = 'date' | 'datetime' | 'time' | 'month';

const KINDS: Record<
  Kind,
  { parse(text: string): string | null; format(value: string): string; placeholder: string }
> = {
  date: { parse: parseRuDate, format: ruDate, placeholder: 'ДД.ММ.ГГГГ' },
  datetime: { parse: parseRuDateTime, format: ruDateTime, placeholder: 'ДД.ММ.ГГГГ ЧЧ:ММ' },
  time: { parse: parseTime, format: (v) => v, placeholder: 'ЧЧ:ММ' },
  month: { parse: parseRuMonth, format: ruMonth, placeholder: 'ММ.ГГГГ' },
};

export interface DateFieldProps extends Omit<
  TextInputProps,
  'value' | 'onChange' | 'type' | 'min' | 'max'
> {
  /** The stored form, or '' for none. */
  value: string;
  /** Called with the stored form when the text is one, with '' when the field is emptied. */
  onChange(value: string): void;
  /**
   * Text that is not a date is passed on as typed, so that the form's own check names it and
   * nothing half-typed is taken for the last good value (the reception card). Otherwise such
   * text is kept in the field with a hint, and the value stays the last good one (filters).
   */
  keepInvalid?: boolean;
  /** Bounds in the stored form (a date field only). */
  min?: string;
  max?: string;
}

function useFormattedField(kind: Kind, props: DateFieldProps) {
  const { t } = useTranslation();
  const { parse, format } = KINDS[kind];
  const { value, onChange, keepInvalid, min, max } = props;
  const [text, setText] = useState(() => (parse(value) ? format(value) : value));
  const [touched, setTouched] = useState(false);

  // A value set from outside (a loaded card, a reset filter) replaces what is shown; what the
  // officer typed stays while it stands for the value (or is the value, passed on as typed).
  useEffect(() => {
    setText((shown) => {
      if (shown === value || parse(shown) === value) return shown;
      if (shown.trim() === '' && value === '') return shown;
      return parse(value) ? format(value) : value;
    });
  }, [value, parse, format]);

  const parsed = parse(text);
  const outOfRange =
    parsed && min && parsed < min
      ? t('dateInput.notBefore', { date: format(min) })
      : parsed && max && parsed > max
        ? t('dateInput.notAfter', { date: format(max) })
        : null;
  const hint =
    text.trim() === '' ? null : !parsed ? (touched ? t(`dateInput.${kind}`) : null) : outOfRange;

  return {
    text,
    hint,
    change(next: string) {
      setText(next);
      const p = parse(next);
      if (next.trim() === '') onChange('');
      else if (p && !(min && p < min) && !(max && p > max)) onChange(p);
      else if (keepInvalid) onChange(next);
    },
    blur() {
      setTouched(true);
      const p = parse(text);
      if (p) setText(format(p));
    },
    pick(iso: string) {
      setText(format(iso));
      onChange(iso);
    },
  };
}

function FormattedField({ kind, ...props }: DateFieldProps & { kind: Kind }) {
  const { value: _value, onChange: _onChange, keepInvalid: _k, min, max, error, ...rest } = props;
  const { t } = useTranslation();
  const field = useFormattedField(kind, props);
  const [calendar, setCalendar] = useState(false);
  const input = (
    <TextInput
      {...rest}
      value={field.text}
      onChange={(e) => field.change(e.currentTarget.value)}
      onBlur={(e) => {
        field.blur();
        rest.onBlur?.(e);
      }}
      placeholder={rest.placeholder ?? KINDS[kind].placeholder}
      inputMode={kind === 'time' ? 'numeric' : undefined}
      autoComplete="off"
      error={error || field.hint}
      rightSection={
        kind === 'date' && !rest.disabled && !rest.readOnly ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('dateInput.calendar')}
            onClick={() => setCalendar((o) => !o)}
          >
            <IconCalendar size={16} />
          </ActionIcon>
        ) : (
          rest.rightSection
        )
      }
    />
  );
  if (kind !== 'date') return input;
  const current = parseRuDate(field.text);
  return (
    <Popover
      opened={calendar}
      onDismiss={() => setCalendar(false)}
      position="bottom-start"
      withRoles={false}
    >
      <Popover.Target>{input}</Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={current}
          defaultDate={current ?? undefined}
          minDate={min}
          maxDate={max}
          onChange={(iso) => {
            if (iso) field.pick(iso);
            setCalendar(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

/** A calendar date: '27.11.2026' on screen, '2026-11-27' in the value. */
export const DateField = (props: DateFieldProps) => <FormattedField kind="date" {...props} />;
/** A date and time: '27.11.2026 10:30' on screen, '2026-11-27T10:30' in the value. */
export const DateTimeField = (props: DateFieldProps) => (
  <FormattedField kind="datetime" {...props} />
);
/** A time on the 24-hour clock: '10:30'. */
export const TimeField = (props: DateFieldProps) => <FormattedField kind="time" {...props} />;
/** A month: '11.2026' on screen, '2026-11' in the value. */
export const MonthField = (props: DateFieldProps) => <FormattedField kind="month" {...props} />;

/** Calendars in the interface's language (Russian first), weeks from Monday. */
export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'ru', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}
