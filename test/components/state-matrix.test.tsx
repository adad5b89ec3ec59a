import { afterEach, describe, expect, it, vi } from 'vitest';
import { runReplay, stateAfter } from '../../renderer/src/features/simulator/engine-adapter';
import { StateMatrix } from '../../renderer/src/features/simulator/state-matrix';
import { click, KA_FILE, libraryScenario, render } from '../support/render';

const scenario = libraryScenario(KA_FILE);
const r = runReplay(scenario);
if (!r.ok) throw new Error(r.message);
const replay = r.replay;
const N = '12345678900';
let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

const mount = (cursor: number, onPin = vi.fn()) => {
  const view = render(
    <StateMatrix codes={scenario.codes} numbers={[N]} state={stateAfter(replay, cursor)} other={cursor > 0 ? stateAfter(replay, cursor - 1) : null} onPin={onPin} label="State matrix" />,
  );
  cleanup = view.unmount;
  const cell = (kw: string) => view.container.querySelector(`[data-testid="cell-${N}-12345-${kw}"]`)!;
  return { ...view, cell, onPin };
};

describe('StateMatrix', () => {
  it('shows each subscription status as text and glyph, not colour alone, with the code verdict', () => {
    const { cell, container } = mount(0);
    expect(cell('JOIN').textContent).toContain('✓ OptedIn');
    expect(cell('NEWKEYWORD').textContent).toContain('– None');
    expect(container.querySelector(`[data-testid="verdict-${N}-12345"]`)!.textContent).toContain('Allowed');
    expect(container.querySelector('[data-testid="contact-status"]')!.textContent).toContain('Active');
  });

  it('highlights what the step changed and says what it was', () => {
    const { cell, container } = mount(1);
    expect(cell('JOIN').className).toContain('changed');
    expect(cell('JOIN').textContent).toContain('OptedOut');
    expect(cell('JOIN').textContent).toContain('before: OptedIn');
    expect(cell('NEWKEYWORD').className).not.toContain('changed');
    const verdict = container.querySelector(`[data-testid="verdict-${N}-12345"]`)!;
    expect(verdict.textContent).toContain('Blocked (opted out)');
    expect(verdict.textContent).toContain('before: Allowed');
  });

  it('pins a subscription to follow it along the timeline', () => {
    const { cell, onPin } = mount(3);
    click(cell('NEWKEYWORD').querySelector('button'));
    expect(onPin).toHaveBeenCalledWith({ mobileNumber: N, code: '12345', keyword: 'NEWKEYWORD' });
  });
});
