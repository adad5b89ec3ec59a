import { afterEach, describe, expect, it, vi } from 'vitest';
import { runReplay, statusTrack } from '../../renderer/src/features/simulator/engine-adapter';
import { EventList } from '../../renderer/src/features/simulator/event-list';
import { Timeline } from '../../renderer/src/features/simulator/timeline';
import { plainStep, type Step } from '../../shared/rules';
import { click, KA_FILE, libraryScenario, render } from '../support/render';

const scenario = libraryScenario(KA_FILE);
const r = runReplay(scenario);
if (!r.ok) throw new Error(r.message);
const steps = r.replay.steps;
let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

describe('Timeline', () => {
  it('draws one mark per event in time order, rings the current step, and jumps on click', () => {
    const onJump = vi.fn();
    const v = render(<Timeline steps={steps} cursor={2} hidden={[]} onJump={onJump} />);
    cleanup = v.unmount;
    const marks = [...v.container.querySelectorAll('.tl-mark[data-step]')];
    expect(marks.map((m) => m.getAttribute('data-step'))).toEqual(['1', '2', '3']);
    const xs = marks.map((m) => Number(m.querySelector('circle')!.getAttribute('cx')));
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    // Time-proportional: the gaps are one day and one day.
    expect(Math.abs(xs[2]! - xs[1]! - (xs[1]! - xs[0]!) * (24 / 19))).toBeLessThan(2);
    expect(v.container.querySelector('[data-testid="timeline-current"]')!.getAttribute('cx')).toBe(String(xs[1]));
    click(marks[2]!);
    expect(onJump).toHaveBeenCalledWith(3);
  });

  it('hides the marks of hidden routes, marks the divergence and draws the pinned track in words', () => {
    const track = statusTrack(r.replay, '12345678900', '12345', 'NEWKEYWORD');
    expect(track).toEqual(['None', 'None', 'None', 'OptedIn']);
    const v = render(<Timeline steps={steps} cursor={0} hidden={['import']} onJump={() => undefined} divergence={2} track={track} trackLabel="NEWKEYWORD on 12345" />);
    cleanup = v.unmount;
    expect(v.container.querySelectorAll('.tl-mark[data-step]')).toHaveLength(1);
    expect(v.container.querySelector('[data-testid="timeline-divergence"]')).not.toBeNull();
    expect(v.container.querySelector('[data-testid="pinned-track"]')!.textContent).toMatch(/None from step 0 → OptedIn from step 3/);
  });
});

describe('EventList', () => {
  it('renders only a window of rows for 5,000 events and keeps hidden events out of view (not out of the replay)', () => {
    // jsdom has no layout: give the scroller a size so the virtualizer has a window to fill.
    const h = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(380);
    const w = vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(600);
    const many: Step[] = Array.from({ length: 5000 }, (_, i) => ({ ...plainStep(steps[i % 3]!), index: i, atMs: i * 1000, event: { ...steps[i % 3]!.event, id: `x${i}` } }));
    const v = render(<EventList steps={many} cursor={1} hidden={['import']} onJump={() => undefined} />);
    cleanup = v.unmount;
    const rows = v.container.querySelectorAll('[data-testid^="event-x"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(v.container.querySelector('[data-testid="event-count"]')!.textContent).toContain('hidden events still replay');
    h.mockRestore();
    w.mockRestore();
  });
});
