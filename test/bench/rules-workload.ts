/**
 * A deterministic benchmark workload: N numbers × 10 events each over two short codes, in time order,
 * mixing every route (texts, imports, API, journeys, sends). No randomness: a fixed LCG.
 */
import type { CodeDef, Scenario, ScenarioEvent } from '../../shared/model';

const CODES: readonly CodeDef[] = [
  { code: '12345', type: 'short', country: 'US', keywords: [
    { keyword: 'JOIN', kind: 'opt-in', optIn: 'single' },
    { keyword: 'DEAL', kind: 'opt-in', optIn: 'double', validResponses: ['Y', 'YES'] },
    { keyword: 'AGE21', kind: 'opt-in', optIn: 'age', minimumAge: 21 },
    { keyword: 'NEWS', kind: 'outbound' },
    { keyword: 'ARRET', kind: 'stop' },
    { keyword: 'INFO', kind: 'help' },
  ] },
  { code: '67890', type: 'short', country: 'US', keywords: [{ keyword: 'ALERTS', kind: 'opt-in', optIn: 'single' }, { keyword: 'PROMO', kind: 'outbound' }] },
];

const TEXTS = ['JOIN', 'join', 'DEAL', 'YES', 'AGE21', '25', 'STOP', 'info', 'hello', 'please remove me', 'opt out', 'ARRET'];

export const benchWorkload = (numbers: number, eventsPerNumber = 10): Scenario => {
  let seed = 0x2545f491;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % n;
  };
  const events: ScenarioEvent[] = new Array(numbers * eventsPerNumber);
  const start = Date.parse('2025-01-01T00:00:00Z');
  let k = 0;
  // Round-robin over numbers so the stream is in time order, as exports sorted by date are.
  for (let round = 0; round < eventsPerNumber; round++) {
    for (let i = 0; i < numbers; i++) {
      const mobileNumber = String(15_550_000_000 + i);
      const at = new Date(start + (round * numbers + i) * 1000).toISOString();
      const id = `e${k + 1}`;
      const code = next(4) === 0 ? '67890' : '12345';
      const r = next(20);
      let e: ScenarioEvent;
      if (r < 8) e = { id, at, mobileNumber, type: 'mo', code, text: code === '67890' ? (next(3) === 0 ? 'STOP' : 'ALERTS') : TEXTS[next(TEXTS.length)]! };
      else if (r < 10) e = { id, at, mobileNumber, type: 'import', code, keyword: code === '67890' ? 'PROMO' : 'NEWS', status: next(5) === 0 ? 'Unsubscribe' : 'Active' };
      else if (r < 11) e = { id, at, mobileNumber, type: 'api.messageContact', code: '12345', keyword: 'JOIN', subscribe: true, resubscribe: next(4) === 0 };
      else if (r < 12) e = { id, at, mobileNumber, type: 'journey.sms', code: '12345', keyword: 'NEWS', mode: next(2) === 0 ? 'subscribeAll' : 'subscribedOnly' };
      else if (r < 13) e = { id, at, mobileNumber, type: 'ui', code: '12345', keyword: 'JOIN', action: next(2) === 0 ? 'optIn' : 'optOut' };
      else if (r < 14) e = { id, at, mobileNumber, type: 'api.contact', status: next(6) === 0 ? 'Inactive' : 'Active' };
      else e = { id, at, mobileNumber, type: 'send', code, ...(next(3) === 0 ? { delivered: false } : {}) };
      events[k++] = e;
    }
  }
  return { format: 'opttrace-scenario@1', title: `bench ${numbers}×${eventsPerNumber}`, codes: CODES, events };
};
