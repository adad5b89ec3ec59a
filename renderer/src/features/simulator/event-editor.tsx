/**
 * Form to insert or edit one event (fields per event type). The candidate is validated by the
 * engine's own scenario parser, so messages are the same a file would get (with the field named).
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { CONTACT_STATUSES, EVENT_TYPES, type EventType, type Scenario, type ScenarioEvent } from '../../../../shared/model';
import { parseScenario } from './engine-adapter';

type Draft = Record<string, string | boolean | undefined>;

const TYPE_LABEL: Record<EventType, string> = {
  mo: 'Subscriber texts (MO)', 'api.queueMO': 'REST queueMO', 'api.messageContact': 'REST messageContact', 'api.contact': 'Contacts API',
  import: 'Import row', ui: 'Manual edit (UI)', 'journey.sms': 'Journey Builder SMS', 'outbound.de': 'Outbound send to a DE', send: 'Other send',
};

/** Which fields each type has, in form order (besides id, at, mobileNumber, note). */
const FIELDS: Record<EventType, readonly string[]> = {
  mo: ['code', 'text'], 'api.queueMO': ['code', 'text'], 'api.messageContact': ['code', 'keyword?', 'subscribe', 'resubscribe'],
  'api.contact': ['status?'], import: ['code', 'keyword', 'importStatus?', 'consent?'], ui: ['code', 'keyword', 'action'],
  'journey.sms': ['code', 'keyword', 'mode'], 'outbound.de': ['code', 'keyword', 'mode'], send: ['code', 'keyword?', 'delivered?'],
};

const toDraft = (e: ScenarioEvent): Draft => {
  const d: Draft = {};
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'string') d[k === 'status' && e.type === 'import' ? 'importStatus' : k] = v;
    else if (typeof v === 'boolean') d[k] = k === 'consent' || k === 'delivered' ? String(v) : v;
  }
  return d;
};

/** Builds the event from the draft: only the type's fields, optional ones left out when empty. */
export function fromDraft(d: Draft, base?: ScenarioEvent): ScenarioEvent {
  const type = d.type as EventType;
  const out: Record<string, unknown> = { id: d.id, at: d.at, type, mobileNumber: d.mobileNumber };
  for (const f of FIELDS[type]) {
    const name = f.replace('?', '');
    const v = d[name];
    if (name === 'subscribe' || name === 'resubscribe') out[name] = v === true;
    else if (name === 'consent' || name === 'delivered') { if (v === 'true' || v === 'false') out[name] = v === 'true'; }
    else if (name === 'importStatus') { if (v) out.status = v; }
    else if (v !== undefined && v !== '') out[name] = v;
  }
  if (typeof d.note === 'string' && d.note.trim() !== '') out.note = d.note;
  if (base?.evidence) out.evidence = base.evidence;
  if (base?.skipped) out.skipped = true;
  return out as unknown as ScenarioEvent;
}

export interface EventEditorProps {
  readonly scenario: Scenario;
  readonly mode: 'edit' | 'insert';
  readonly event: ScenarioEvent;
  readonly onSave: (event: ScenarioEvent) => void;
  readonly onCancel: () => void;
}

export function EventEditor({ scenario, mode, event, onSave, onCancel }: EventEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(event));
  const [tried, setTried] = useState(false);
  const uid = useId();
  const type = draft.type as EventType;
  const code = scenario.codes.find((c) => c.code === draft.code);
  const set = (k: string, v: string | boolean) =>
    setDraft((d) => (k === 'type' ? { ...TYPE_DEFAULTS(scenario, d), ...d, type: v } : k === 'code' ? { ...d, code: v, keyword: firstKeyword(scenario, String(v)) } : { ...d, [k]: v }));

  const issues = useMemo(() => {
    const candidate = fromDraft(draft, event);
    const events = mode === 'edit' ? scenario.events.map((e) => (e.id === event.id ? candidate : e)) : [...scenario.events, candidate];
    const index = mode === 'edit' ? scenario.events.findIndex((e) => e.id === event.id) : scenario.events.length;
    const parsed = parseScenario({ ...scenario, events });
    if (parsed.ok) return new Map<string, string>();
    const prefix = `events[${index}]`;
    const mine = new Map<string, string>();
    for (const i of parsed.issues) {
      if (!i.path.startsWith(prefix)) continue;
      const field = i.path.slice(prefix.length + 1) || 'type';
      mine.set(field === 'status' && type === 'import' ? 'importStatus' : field, i.message);
    }
    return mine;
  }, [draft, event, mode, scenario, type]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (issues.size === 0) onSave(fromDraft(draft, event));
  };

  const field = (name: string, label: string, input: ReactNode) => {
    const err = tried ? issues.get(name) : undefined;
    return (
      <div className={`field${err ? ' invalid' : ''}`} key={name}>
        <label htmlFor={`${uid}-${name}`}>{label}</label>
        {input}
        {err && <span className="field-error" id={`${uid}-${name}-err`} role="alert">{err}</span>}
      </div>
    );
  };
  const text = (name: string, label: string, placeholder?: string) =>
    field(name, label, <input id={`${uid}-${name}`} value={String(draft[name] ?? '')} placeholder={placeholder} aria-invalid={tried && issues.has(name)} onChange={(e) => set(name, e.target.value)} />);
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) =>
    field(name, label, (
      <select id={`${uid}-${name}`} value={String(draft[name] ?? '')} aria-invalid={tried && issues.has(name)} onChange={(e) => set(name, e.target.value)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    ));
  const check = (name: string, label: string) => (
    <div className="field check" key={name}>
      <label><input type="checkbox" checked={draft[name] === true} onChange={(e) => set(name, e.target.checked)} /> {label}</label>
    </div>
  );
  const keywords = (optional: boolean) =>
    select('keyword', optional ? 'Keyword (optional)' : 'Keyword', [...(optional || !code ? [['', '— none —'] as const] : []), ...(code?.keywords ?? []).map((k) => [k.keyword, `${k.keyword} (${k.kind})`] as const)]);

  const controls: Record<string, () => ReactNode> = {
    code: () => select('code', 'Code', scenario.codes.map((c) => [c.code, `${c.code} (${c.type} code, ${c.country})`] as const)),
    text: () => text('text', 'Text the subscriber sends', 'STOP'),
    keyword: () => keywords(false),
    'keyword?': () => keywords(true),
    subscribe: () => check('subscribe', 'subscribe'),
    resubscribe: () => check('resubscribe', 'resubscribe'),
    'status?': () => select('status', 'Contact status', [['', '— unchanged —'], ...CONTACT_STATUSES.map((s) => [s, s] as const)]),
    'importStatus?': () => select('importStatus', 'Import status', [['', '— not given —'], ['Active', 'Active'], ['Unsubscribe', 'Unsubscribe']]),
    'consent?': () => select('consent', 'Consent recorded', [['', '— not given —'], ['true', 'yes'], ['false', 'no']]),
    action: () => select('action', 'Action', [['optIn', 'Opt in'], ['optOut', 'Opt out']]),
    mode: () => select('mode', 'Mode', [['subscribedOnly', 'Subscribed only'], ['subscribeAll', 'Subscribe all']]),
    'delivered?': () => select('delivered', 'Delivered', [['', '— unknown —'], ['true', 'yes'], ['false', 'no']]),
  };

  return (
    <form className="editor panel" aria-label={mode === 'edit' ? `Edit event ${event.id}` : 'Insert an event'} onSubmit={submit} noValidate data-testid="event-editor">
      <div className="panel-head">
        <h2>{mode === 'edit' ? `Edit event ${event.id}` : 'Insert a hypothetical event'}</h2>
        <span className="badge hypo">hypothetical</span>
      </div>
      <div className="editor-grid">
        {mode === 'insert'
          ? select('type', 'Event type', EVENT_TYPES.map((t) => [t, TYPE_LABEL[t]] as const))
          : field('type', 'Event type', <output id={`${uid}-type`} className="static">{TYPE_LABEL[type]}</output>)}
        {text('at', 'Time (ISO-8601 with offset)', '2025-04-23T10:00:00-05:00')}
        {text('mobileNumber', 'Mobile number', '12345678900')}
        {FIELDS[type].map((f) => controls[f]!())}
        {text('note', 'Note (optional)')}
      </div>
      {tried && issues.size > 0 && <p className="error small" role="alert">Fix the highlighted fields: {[...issues.values()][0]}</p>}
      <div className="editor-actions">
        <button type="submit" className="btn primary">{mode === 'edit' ? 'Apply edit' : 'Insert event'}</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

const firstKeyword = (s: Scenario, code: string): string => {
  const c = s.codes.find((x) => x.code === code);
  return (c?.keywords.find((k) => k.kind === 'opt-in') ?? c?.keywords[0])?.keyword ?? '';
};

/** Defaults for fields a type switch brings in (existing values win). */
const TYPE_DEFAULTS = (s: Scenario, d: Draft): Draft => ({
  code: s.codes[0]?.code ?? '', keyword: firstKeyword(s, String(d.code ?? s.codes[0]?.code ?? '')), text: 'STOP', action: 'optIn', mode: 'subscribeAll', subscribe: true, resubscribe: false,
});

/** A new event of `type` with sensible defaults taken from the scenario and the current step. */
export function newEvent(scenario: Scenario, id: string, at: string, mobileNumber: string, type: EventType = 'mo'): ScenarioEvent {
  const code = scenario.codes[0];
  const kw = code?.keywords.find((k) => k.kind === 'opt-in') ?? code?.keywords[0];
  return fromDraft({ id, at, type, mobileNumber, code: code?.code ?? '', keyword: kw?.keyword ?? '', text: 'STOP', action: 'optIn', mode: 'subscribeAll', subscribe: true, resubscribe: false });
}
