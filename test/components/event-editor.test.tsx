import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEditor, newEvent } from '../../renderer/src/features/simulator/event-editor';
import { change, click, KA_FILE, libraryScenario, render } from '../support/render';

const scenario = libraryScenario(KA_FILE);
let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

const mount = (mode: 'insert' | 'edit', event = newEvent(scenario, 'h1', '2025-04-26T10:00:00Z', '12345678900')) => {
  const onSave = vi.fn();
  const v = render(<EventEditor scenario={scenario} mode={mode} event={event} onSave={onSave} onCancel={() => undefined} />);
  cleanup = v.unmount;
  const byLabel = (text: string) => {
    const label = [...v.container.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text));
    return (label?.htmlFor ? document.getElementById(label.htmlFor) : label?.querySelector('input')) ?? null;
  };
  const submit = () => click(v.container.querySelector('button[type="submit"]'));
  return { ...v, byLabel, submit, onSave };
};

describe('EventEditor', () => {
  it('inserts a subscriber text with the type\'s fields', () => {
    const e = mount('insert');
    change(e.byLabel('Text the subscriber sends'), 'STOP');
    e.submit();
    expect(e.onSave).toHaveBeenCalledWith({ id: 'h1', at: '2025-04-26T10:00:00Z', type: 'mo', mobileNumber: '12345678900', code: '12345', text: 'STOP' });
  });

  it('switches the form per event type', () => {
    const e = mount('insert');
    change(e.byLabel('Event type'), 'journey.sms');
    expect(e.byLabel('Text the subscriber sends')).toBeFalsy();
    change(e.byLabel('Keyword'), 'TEST');
    change(e.byLabel('Mode'), 'subscribedOnly');
    e.submit();
    expect(e.onSave).toHaveBeenCalledWith({ id: 'h1', at: '2025-04-26T10:00:00Z', type: 'journey.sms', mobileNumber: '12345678900', code: '12345', keyword: 'TEST', mode: 'subscribedOnly' });
  });

  it('validates with the engine\'s parser and names the field; nothing is saved', () => {
    const e = mount('insert');
    change(e.byLabel('Time'), '2025-04-26 10:00');
    e.submit();
    expect(e.onSave).not.toHaveBeenCalled();
    const err = e.container.querySelector('.field.invalid .field-error');
    expect(err?.textContent).toContain('has no UTC offset');
    change(e.byLabel('Time'), '2025-04-26T10:00:00-06:00');
    e.submit();
    expect(e.onSave).toHaveBeenCalledTimes(1);
  });

  it('edits an existing event keeping its id and type', () => {
    const original = scenario.events.find((x) => x.id === 'import-join')!;
    const e = mount('edit', original);
    expect(e.container.querySelector('output')!.textContent).toBe('Import row');
    change(e.byLabel('Import status'), 'Unsubscribe');
    e.submit();
    expect(e.onSave).toHaveBeenCalledWith({ ...original, status: 'Unsubscribe' });
  });
});
