import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppealFilter, AppealListItem } from '../../../src-shared/domain/appeal-list';
import { call } from '../../api/client';

export const PAGE_SIZE = 100;

/**
 * Pages of the card list, fetched on demand as the virtual list scrolls to them; a new filter
 * starts over. Only the pages in view are ever requested, so 100k cards cost a few requests.
 */
export function useAppealPages(filter: AppealFilter) {
  const key = JSON.stringify(filter);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, AppealListItem[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const gen = generation.current;
      call('appeals.list', { filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (gen !== generation.current) return;
          if (result.total !== null) setTotal(result.total);
          setPages((prev) => new Map(prev).set(page, result.items));
        },
        (e) => {
          requested.current.delete(page);
          setError(e);
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current++;
    requested.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    fetchPage(0);
  }, [fetchPage]);

  const itemAt = (index: number): AppealListItem | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const items = pages.get(page);
    if (!items) {
      fetchPage(page);
      return undefined;
    }
    return items[index % PAGE_SIZE];
  };

  return { total, itemAt, error };
}
