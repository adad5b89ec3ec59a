import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_CHANNELS, METHODS } from '../../../shared/ipc/channels';
import { REQUEST_CHECKS } from '../../../shared/ipc/requests';
import { Backend } from '../../../electron/backend/backend';
import { dispatch, type Handlers } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import { NO_DIALOGS } from '../../../electron/backend/host';

let handlers: Handlers;
beforeAll(async () => {
  const backend = await Backend.create({ name: 'cli', version: '0.0.0-test', assetsDir: '/nonexistent', dialogs: NO_DIALOGS, emit: () => undefined });
  handlers = createHandlers(backend);
});

describe('contract tables', () => {
  it('have a channel, a validator and a handler for every method', () => {
    expect(Object.keys(REQUEST_CHECKS).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(METHOD_CHANNELS).sort());
  });
});

describe('dispatch', () => {
  it('answers app.info with the rulebook id', async () => {
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({ ok: true, value: { rulebookId: 'mobileconnect-2025', version: '0.0.0-test' } });
  });
  it('reads workspace.summary from the sql.js database', async () => {
    const r = await dispatch(handlers, 'workspace.summary', {});
    expect(r.ok).toBe(true);
  });
  it('refuses unknown methods', async () => {
    expect(await dispatch(handlers, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
  it('refuses payloads with unexpected fields, naming them', async () => {
    const r = await dispatch(handlers, 'app.info', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!r.ok && r.error.message).toContain('path: unexpected field');
  });
  it('refuses non-object payloads', async () => {
    expect(await dispatch(handlers, 'app.info', 42)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
  it('turns exceptions into internal errors', async () => {
    const broken = { ...handlers, 'app.info': () => { throw new Error('boom'); } } as Handlers;
    expect(await dispatch(broken, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'app.info failed: boom' } });
  });
});
