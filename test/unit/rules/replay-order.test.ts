import { beforeEach, describe, expect, it } from 'vitest';
import { mo, opted, resetIds, run, status } from '../../support/rules-builders';

beforeEach(resetIds);

describe('replay order', () => {
  it('replays by instant across UTC offsets, not by listing order', () => {
    // 10:00-05:00 is 15:00Z: the JOIN at 14:00Z comes first, so the STOP wins.
    const r = run([mo('STOP', '2025-05-01T10:00:00-05:00'), mo('JOIN', '2025-05-01T14:00:00Z')]);
    expect(r.steps.map((s) => s.event.id)).toEqual(['e2', 'e1']);
    expect(status(r, 'JOIN')).toBe('OptedOut');
  });
  it('keeps file order for equal instants written with different offsets', () => {
    const r = run([mo('STOP', '2025-05-01T15:00:00Z'), mo('JOIN', '2025-05-01T10:00:00-05:00')], { subs: [opted('JOIN')] });
    expect(r.steps.map((s) => s.event.id)).toEqual(['e1', 'e2']);
    expect(status(r, 'JOIN')).toBe('OptedIn');
    resetIds();
    const r2 = run([mo('JOIN', '2025-05-01T10:00:00-05:00'), mo('STOP', '2025-05-01T15:00:00Z')], { subs: [opted('JOIN')] });
    expect(status(r2, 'JOIN')).toBe('OptedOut');
  });
});
