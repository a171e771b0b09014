/**
 * `/api/alerts`: GET lists the rules and recent firings, POST creates a rule from a small JSON
 * body, and `DELETE /api/alerts/<id>` removes one. Validation errors are 400s naming the field.
 */
import type { AlertService } from '../alerts/alert-monitor.js';
import { isAlertInputError } from '../alerts/alert-schema.js';
import { HttpError } from './errors.js';
import { readJsonBody } from './json-body.js';
import { sendJson } from './responses.js';
import type { RouteContext, RouteHandler } from './routes.js';

export const ALERTS_PATH = '/api/alerts';
const ITEM_PREFIX = `${ALERTS_PATH}/`;
/** Rule ids are UUIDs; anything else cannot name a rule. */
const RULE_ID = /^[A-Za-z0-9-]{1,64}$/;

export const ALERTS_METHODS = ['GET', 'HEAD', 'POST'] as const;
export const ALERT_ITEM_METHODS = ['DELETE'] as const;

function serviceOf(context: RouteContext): AlertService {
  if (!context.alerts) throw new HttpError(404, 'Alerts are not enabled on this server.');
  return context.alerts;
}

const alerts: RouteHandler = async (req, res, context) => {
  const service = serviceOf(context);
  if (req.method !== 'POST') {
    sendJson(res, 200, service.list());
    return;
  }

  // Bodies are rare here; closing keeps a refused (unread) body from poisoning keep-alive.
  res.setHeader('Connection', 'close');
  const body = await readJsonBody(req);
  try {
    sendJson(res, 201, service.addRule(body));
  } catch (error) {
    if (isAlertInputError(error)) throw new HttpError(400, error.message, error.accepted);
    throw error;
  }
};

const alertItem: RouteHandler = (_req, res, context) => {
  const service = serviceOf(context);
  const id = context.url.pathname.slice(ITEM_PREFIX.length);
  if (!RULE_ID.test(id) || !service.removeRule(id)) {
    throw new HttpError(404, `No alert rule with id "${id.slice(0, 64)}".`);
  }
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
};

/** The alert route for a path, with the methods it answers, or undefined. */
export function alertRoute(
  pathname: string,
): { methods: readonly string[]; handler: RouteHandler } | undefined {
  if (pathname === ALERTS_PATH) return { methods: ALERTS_METHODS, handler: alerts };
  if (pathname.startsWith(ITEM_PREFIX)) return { methods: ALERT_ITEM_METHODS, handler: alertItem };
  return undefined;
}
