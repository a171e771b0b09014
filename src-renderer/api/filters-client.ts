/** Client of the custom-filter routes: check an expression, list, save and delete named ones. */
import type {
  FilterCheckResponse,
  FiltersResponse,
  SavedFilter,
  SaveFilterRequest,
} from '../../src-main/shared/api-types';
import { type ApiResult, type FetchLike, requestJson, segment } from './http-json';

export function checkFilter(
  expression: string,
  fetchImpl?: FetchLike,
): Promise<ApiResult<FilterCheckResponse>> {
  const query = new URLSearchParams({ filter: expression }).toString();
  return requestJson('GET', `/api/filter-check?${query}`, undefined, fetchImpl);
}

export function listFilters(fetchImpl?: FetchLike): Promise<ApiResult<FiltersResponse>> {
  return requestJson('GET', '/api/filters', undefined, fetchImpl);
}

export function saveFilter(
  name: string,
  expression: string,
  fetchImpl?: FetchLike,
): Promise<ApiResult<SavedFilter>> {
  const body: SaveFilterRequest = { expression };
  return requestJson('PUT', `/api/filters/${segment(name)}`, body, fetchImpl);
}

export function deleteFilter(name: string, fetchImpl?: FetchLike): Promise<ApiResult<unknown>> {
  return requestJson('DELETE', `/api/filters/${segment(name)}`, undefined, fetchImpl);
}
