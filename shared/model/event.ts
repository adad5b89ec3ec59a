/** The events that can happen to a mobile number (rules.md §2). Plain JSON data. */
import type { ContactStatus } from './status';

/** Where an event came from: an export row, so every decision can cite its evidence. */
export interface Citation {
  readonly file: string;
  readonly line: number;
  readonly sha256: string;
}

interface EventBase {
  readonly id: string;
  /** ISO-8601 with an explicit offset (`Z` or `±hh:mm`). */
  readonly at: string;
  readonly mobileNumber: string;
  readonly evidence?: readonly Citation[];
  /** Added or edited in the simulator: not part of the recorded history. */
  readonly hypothetical?: boolean;
  /** Kept in the timeline but left out of the replay (simulator "skip"). */
  readonly skipped?: boolean;
  readonly note?: string;
}

export type SendMode = 'subscribedOnly' | 'subscribeAll';

export interface MoEvent extends EventBase { readonly type: 'mo'; readonly code: string; readonly text: string }
export interface QueueMoEvent extends EventBase { readonly type: 'api.queueMO'; readonly code: string; readonly text: string }
export interface MessageContactEvent extends EventBase {
  readonly type: 'api.messageContact';
  readonly code: string;
  readonly keyword?: string;
  readonly subscribe: boolean;
  readonly resubscribe: boolean;
}
export interface ApiContactEvent extends EventBase {
  readonly type: 'api.contact';
  readonly status?: ContactStatus;
  /** Held as undeliverable (_UndeliverableSms) from now on, or released (rules.md §1 `undeliverableBlocksSend`). */
  readonly undeliverable?: boolean;
}
export interface ImportEvent extends EventBase {
  readonly type: 'import';
  readonly code: string;
  readonly keyword: string;
  readonly status?: 'Active' | 'Unsubscribe';
  readonly consent?: boolean;
}
export interface UiEvent extends EventBase {
  readonly type: 'ui';
  readonly code: string;
  readonly keyword: string;
  readonly action: 'optIn' | 'optOut';
}
export interface JourneySmsEvent extends EventBase {
  readonly type: 'journey.sms';
  readonly code: string;
  readonly keyword: string;
  readonly mode: SendMode;
}
export interface OutboundDeEvent extends EventBase {
  readonly type: 'outbound.de';
  readonly code: string;
  readonly keyword: string;
  readonly mode: SendMode;
}
export interface SendEvent extends EventBase {
  readonly type: 'send';
  readonly code: string;
  readonly keyword?: string;
  /** From message tracking: whether the message was actually delivered (drives SENT-WHILE-BLOCKED). */
  readonly delivered?: boolean;
}

export type ScenarioEvent =
  | MoEvent
  | QueueMoEvent
  | MessageContactEvent
  | ApiContactEvent
  | ImportEvent
  | UiEvent
  | JourneySmsEvent
  | OutboundDeEvent
  | SendEvent;

export type EventType = ScenarioEvent['type'];

export const EVENT_TYPES = [
  'mo',
  'api.queueMO',
  'api.messageContact',
  'api.contact',
  'import',
  'ui',
  'journey.sms',
  'outbound.de',
  'send',
] as const satisfies readonly EventType[];

/** The routes the UI groups events by (colour and icon per route). */
export type EventRoute = 'subscriber' | 'import' | 'api' | 'ui' | 'journey' | 'de-send' | 'send';
