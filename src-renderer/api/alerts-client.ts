/** Client of `/api/alerts`: list rules and history, create a rule, delete one. */
import type { AlertRule, AlertRuleInput, AlertsResponse } from '../../src-main/shared/alert-types';
import { type ApiResult, type FetchLike, requestJson, segment } from './http-json';

export function listAlerts(fetchImpl?: FetchLike): Promise<ApiResult<AlertsResponse>> {
  return requestJson('GET', '/api/alerts', undefined, fetchImpl);
}

export function createAlert(
  rule: AlertRuleInput,
  fetchImpl?: FetchLike,
): Promise<ApiResult<AlertRule>> {
  return requestJson('POST', '/api/alerts', rule, fetchImpl);
}

export function deleteAlert(id: string, fetchImpl?: FetchLike): Promise<ApiResult<unknown>> {
  return requestJson('DELETE', `/api/alerts/${segment(id)}`, undefined, fetchImpl);
}
