import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierNode } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';

interface Props {
  value: string[];
  onChange(codes: string[]): void;
  error?: string;
}

const label = (n: ClassifierNode) => `${n.code} — ${n.title}`;

/**
 * Classifier codes by code prefix or by words in any form, from the keyboard: type, arrows,
 * Enter. Chosen codes keep their titles even if retired by a newer edition.
 */
export function ClassifierPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [found, setFound] = useState<ClassifierNode[]>([]);
  const [chosen, setChosen] = useState<ClassifierNode[]>([]);

  useEffect(() => {
    const missing = value.filter((code) => !chosen.some((n) => n.code === code));
    if (missing.length === 0) return;
    call('classifier.get', { codes: missing }).then(
      (nodes) => setChosen((prev) => [...prev, ...nodes]),
      () => undefined,
    );
  }, [value, chosen]);

  useEffect(() => {
    let live = true;
    if (debounced.trim().length < 2) {
      setFound([]);
      return;
    }
    call('classifier.search', { query: debounced, limit: 30 }).then(
      (nodes) => live && setFound(nodes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [debounced]);

  const data = useMemo(() => {
    const byCode = new Map<string, ClassifierNode>();
    for (const n of [...chosen.filter((c) => value.includes(c.code)), ...found])
      byCode.set(n.code, n);
    return [...byCode.values()].map((n) => ({
      value: n.code,
      label: n.retired ? `${label(n)} (выведен из действия)` : label(n),
    }));
  }, [chosen, found, value]);

  return (
    <MultiSelect
      label={t('fields.topicCodes')}
      placeholder={value.length === 0 ? t('fields.topicPlaceholder') : undefined}
      data={data}
      value={value}
      onChange={(codes) => {
        onChange(codes);
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 ? 'Ничего не найдено' : undefined}
      maxDropdownHeight={320}
      error={error}
      withAsterisk
      name="topicCodes"
      data-testid="topic-picker"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
