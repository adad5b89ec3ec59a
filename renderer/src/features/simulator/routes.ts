/** How the simulator shows an event: its route (icon + colour + name), one-line summary and times. */
import type { EventRoute, ScenarioEvent } from '../../../../shared/model';

export interface RouteInfo {
  readonly id: EventRoute;
  readonly label: string;
  /** A short glyph; the route name is always shown or announced next to it (not colour alone). */
  readonly icon: string;
}

export const ROUTES: readonly RouteInfo[] = [
  { id: 'subscriber', label: 'Subscriber text', icon: '✉' },
  { id: 'import', label: 'Import', icon: '⇪' },
  { id: 'api', label: 'REST API', icon: '⚙' },
  { id: 'ui', label: 'Manual (UI)', icon: '✎' },
  { id: 'journey', label: 'Journey', icon: '➜' },
  { id: 'de-send', label: 'DE send', icon: '⛁' },
  { id: 'send', label: 'Other send', icon: '➤' },
];

const BY_ID = new Map(ROUTES.map((r) => [r.id, r]));
export const routeInfo = (id: EventRoute): RouteInfo => BY_ID.get(id)!;

export function routeOf(e: Readonly<ScenarioEvent>): EventRoute {
  switch (e.type) {
    case 'mo': return 'subscriber';
    case 'import': return 'import';
    case 'api.queueMO':
    case 'api.messageContact':
    case 'api.contact': return 'api';
    case 'ui': return 'ui';
    case 'journey.sms': return 'journey';
    case 'outbound.de': return 'de-send';
    case 'send': return 'send';
    default: return assertNever(e);
  }
}

const assertNever = (x: never): never => {
  throw new Error(`unexpected event ${JSON.stringify(x)}`);
};

/** One line an analyst can read: "texts “STOP” to 12345". */
export function summary(e: Readonly<ScenarioEvent>): string {
  switch (e.type) {
    case 'mo': return `texts “${e.text}” to ${e.code}`;
    case 'api.queueMO': return `queueMO “${e.text}” on ${e.code}`;
    case 'api.messageContact':
      return `messageContact on ${e.code}${e.keyword ? ` · ${e.keyword}` : ''}${e.subscribe ? ' · subscribe' : ''}${e.resubscribe ? ' · resubscribe' : ''}`;
    case 'api.contact': return `Contacts API sets contact${e.status ? ` ${e.status}` : ''}`;
    case 'import': return `import into ${e.keyword} on ${e.code}${e.status ? ` · ${e.status}` : ''}${e.consent === false ? ' · no consent' : ''}`;
    case 'ui': return `manual ${e.action === 'optIn' ? 'opt-in' : 'opt-out'} of ${e.keyword} on ${e.code}`;
    case 'journey.sms': return `Journey SMS ${e.keyword} on ${e.code} · ${e.mode === 'subscribeAll' ? 'subscribe all' : 'subscribed only'}`;
    case 'outbound.de': return `DE send ${e.keyword} on ${e.code} · ${e.mode === 'subscribeAll' ? 'subscribe all' : 'subscribed only'}`;
    case 'send': return `send on ${e.code}${e.keyword ? ` · ${e.keyword}` : ''}${e.delivered === false ? ' · not delivered' : ''}`;
    default: return assertNever(e);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');
const fmt = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** MobileConnect data views use Central Standard Time without daylight saving: UTC−6, always. */
const CST_OFFSET_MS = -6 * 3600_000;

export const utcText = (ms: number): string => (Number.isFinite(ms) ? `${fmt(new Date(ms))} UTC` : 'invalid time');
export const cstText = (ms: number): string => (Number.isFinite(ms) ? `${fmt(new Date(ms + CST_OFFSET_MS))} CST` : '');
