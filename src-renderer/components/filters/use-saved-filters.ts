import { useCallback, useEffect, useState } from 'react';

import type { FilterFieldInfo, SavedFilter } from '../../../src-main/shared/api-types';
import * as api from '../../api/filters-client';

export interface SavedFiltersState {
  filters: SavedFilter[];
  fields: FilterFieldInfo[];
  /** The last failure in words, or null. */
  error: string | null;
  /** Saves (or overwrites) `name`; resolves to an error message or null. */
  save(name: string, expression: string): Promise<string | null>;
  remove(name: string): Promise<string | null>;
}

/** Named filters and the expression vocabulary from `/api/filters`. */
export function useSavedFilters(client: typeof api = api): SavedFiltersState {
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [fields, setFields] = useState<FilterFieldInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await client.listFilters();
    if (!result.ok) {
      setError(`Saved filters unavailable: ${result.error.error}`);
      return;
    }
    setFilters(result.value.filters);
    setFields(result.value.fields);
    setError(null);
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (name: string, expression: string) => {
    const result = await client.saveFilter(name, expression);
    if (!result.ok) return result.error.error;
    await reload();
    return null;
  };

  const remove = async (name: string) => {
    const result = await client.deleteFilter(name);
    if (!result.ok) return result.error.error;
    await reload();
    return null;
  };

  return { filters, fields, error, save, remove };
}
