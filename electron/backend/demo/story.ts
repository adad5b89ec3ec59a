/**
 * Records one number's synthetic history as the exports would show it: log rows only on status
 * changes (the data view logs the first event per status), tracking rows for every text in or out,
 * import-file rows, and the final current state per keyword.
 */
import type { DemoCode, DemoKeyword } from './catalogue';

export interface SubState {
  inStatus: string;
  inMethod: string;
  inAt: number | null;
  outStatus: string;
  outMethod: string;
  outAt: number | null;
  createdAt: number;
  modifiedAt: number;
  source: string;
}

export interface LogRow { at: number; key: string; kw: DemoKeyword; s: SubState }
export interface TrackRow { at: number; text: string; inbound: boolean; kw?: DemoKeyword; code: DemoCode; delivered?: boolean; journey?: boolean }
export interface ImportRow { status: 'Active' | 'Unsubscribe'; kw: DemoKeyword }

export class Story {
  readonly log: LogRow[] = [];
  readonly track: TrackRow[] = [];
  readonly imports: ImportRow[] = [];
  readonly state = new Map<DemoKeyword, SubState>();
  contactInactive = false;

  constructor(
    readonly number: string,
    public key: string,
    private readonly keywords: readonly DemoKeyword[],
    private readonly codes: readonly DemoCode[],
  ) {}

  private code(kw: DemoKeyword): DemoCode {
    return this.codes.find((c) => c.code === kw.code)!;
  }

  private set(kw: DemoKeyword, at: number, patch: Partial<SubState>, source: string): void {
    const prev = this.state.get(kw);
    const s: SubState = {
      inStatus: '0', inMethod: '', inAt: null, outStatus: '0', outMethod: '', outAt: null, createdAt: at, modifiedAt: at, source,
      ...prev, ...patch,
    };
    s.modifiedAt = at;
    this.state.set(kw, s);
    this.log.push({ at, key: this.key, kw, s: { ...s } });
  }

  status(kw: DemoKeyword): string {
    const s = this.state.get(kw);
    if (!s) return 'None';
    return s.outStatus === '1' ? 'OptedOut' : s.inStatus === '2' ? 'OptedIn' : s.inStatus === '1' ? 'OptInPending' : 'NotOptedIn';
  }

  /** The subscriber texts a keyword (single → OptedIn; double → OptInPending). */
  textKeyword(kw: DemoKeyword, at: number): void {
    this.track.push({ at, text: kw.keyword, inbound: true, kw, code: this.code(kw) });
    if (this.status(kw) === 'OptedIn') return;
    const pending = kw.optIn === 'double';
    this.set(kw, at, { inStatus: pending ? '1' : '2', inMethod: '12', inAt: at, outStatus: '0', outMethod: '', outAt: null }, '12');
  }

  reply(kw: DemoKeyword, at: number, text: string, withinWindow: boolean): void {
    this.track.push({ at, text, inbound: true, kw, code: this.code(kw) });
    if (withinWindow && this.status(kw) === 'OptInPending') this.set(kw, at, { inStatus: '2', inAt: at }, '12');
  }

  /** A STOP word (or the custom stop keyword) opts out of every keyword on the code. */
  stop(code: DemoCode, at: number, word = 'STOP', kw?: DemoKeyword): void {
    this.track.push({ at, text: word, inbound: true, code, ...(kw ? { kw } : {}) });
    for (const k of this.keywords) {
      if (k.code !== code.code || !this.state.has(k) || this.status(k) === 'OptedOut') continue;
      this.set(k, at, { inStatus: '0', outStatus: '1', outMethod: '', outAt: at }, this.state.get(k)!.source);
    }
  }

  importRow(kw: DemoKeyword, at: number, status: 'Active' | 'Unsubscribe'): void {
    this.imports.push({ status, kw });
    if (status === 'Unsubscribe') {
      this.contactInactive = true;
      if (this.status(kw) !== 'OptedOut') this.set(kw, at, { inStatus: '0', outStatus: '1', outMethod: '4', outAt: at }, '4');
    } else if (this.status(kw) === 'None') {
      this.set(kw, at, { inStatus: '2', inMethod: '4', inAt: at }, '4');
    }
  }

  ui(kw: DemoKeyword, at: number, action: 'optIn' | 'optOut'): void {
    if (action === 'optIn') this.set(kw, at, { inStatus: '2', inMethod: '6', inAt: at, outStatus: '0', outMethod: '', outAt: null }, '6');
    else this.set(kw, at, { inStatus: '0', outStatus: '1', outMethod: '6', outAt: at }, '6');
  }

  api(kw: DemoKeyword, at: number): void {
    if (this.status(kw) === 'None') this.set(kw, at, { inStatus: '2', inMethod: '2', inAt: at }, '2');
    this.send(kw, at + 1000, true);
  }

  send(kw: DemoKeyword, at: number, delivered: boolean, journey = false): void {
    this.track.push({ at, text: `${kw.keyword}: your update #${(at / 1000) % 97 | 0}`, inbound: false, kw, code: this.code(kw), delivered, journey });
  }

  help(code: DemoCode, at: number): void {
    const kw = this.keywords.find((k) => k.code === code.code && k.kind === 'help');
    this.track.push({ at, text: 'HELP', inbound: true, code, ...(kw ? { kw } : {}) });
  }
}
