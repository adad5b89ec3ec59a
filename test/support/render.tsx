/** A minimal React render helper for the jsdom component tests (react-dom/client + act). */
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../shared/model';
import { parseScenario } from '../../shared/rules';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function render(ui: ReactElement) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    rerender: (next: ReactElement) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export const click = (el: Element | null) => act(() => void el!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));

/** Sets a form control's value the way React notices (native setter + input/change event). */
export function change(el: Element | null, value: string) {
  const input = el as HTMLInputElement | HTMLSelectElement;
  const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export const libraryScenario = (file: string): Scenario => {
  const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'scenarios', file), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
};

export const KA_FILE = 'ka-000381673-stop-then-imports.opttrace.json';
