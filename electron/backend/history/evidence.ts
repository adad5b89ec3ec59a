/** Shared helpers for history: citations from evidence rows, and the gap/event collectors. */
import type { Citation, ScenarioEvent } from '../../../shared/model/event';
import type { Gap } from '../../../shared/model/scenario';
import type { Row } from '../db/queries';

export const cite = (r: Row): Citation => ({ file: String(r.file_name), line: Number(r.line), sha256: String(r.sha256) });

/** A mutable event while the history is assembled; `synthetic` = text inferred from the log, not seen. */
export type Draft = { -readonly [K in keyof ScenarioEvent]?: unknown } & {
  id: string;
  at: string;
  type: ScenarioEvent['type'];
  mobileNumber: string;
  evidence: ReturnType<typeof cite>[];
  synthetic?: boolean;
  order: number;
  [k: string]: unknown;
};

export class Collector {
  readonly events: Draft[] = [];
  readonly gaps: Gap[] = [];
  private order = 0;
  private ids = new Set<string>();
  constructor(readonly number: string) {}

  event(r: Row, at: string, fields: Record<string, unknown> & { type: ScenarioEvent['type'] }, synthetic = false): Draft {
    let id = `s${String(r.source_id)}-l${String(r.line)}`;
    for (let n = 2; this.ids.has(id); n++) id = `s${String(r.source_id)}-l${String(r.line)}-${n}`;
    this.ids.add(id);
    const e: Draft = { id, at, mobileNumber: this.number, evidence: [cite(r)], order: this.order++, ...fields, ...(synthetic ? { synthetic } : {}) };
    this.events.push(e);
    return e;
  }

  gap(g: Omit<Gap, 'mobileNumber'>): void {
    this.gaps.push({ mobileNumber: this.number, ...g });
  }
}
