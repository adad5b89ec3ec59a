import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '../../renderer/src/shell/sidebar';
import { useStore } from '../../renderer/src/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('Sidebar', () => {
  let host: HTMLElement;
  afterEach(() => host?.remove());

  it('marks the current view and switches views on click', async () => {
    host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    await act(async () => root.render(<Sidebar />));
    const current = host.querySelector('[aria-current="page"]');
    expect(current?.textContent).toBe('Workspace');
    const rulebook = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Rulebook')!;
    await act(async () => rulebook.click());
    expect(useStore.getState().view).toBe('rulebook');
    expect(host.querySelector('[aria-current="page"]')?.textContent).toBe('Rulebook');
    await act(async () => root.unmount());
  });
});
