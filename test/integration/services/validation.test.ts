import { describe, expect, it } from 'vitest';
import { DESK_CHECKS } from '../../../shared/ipc/desk-requests';
import { makeBackend } from './helpers';

describe('desktop request validation', () => {
  it('every desktop method refuses an unknown field and a non-object before anything runs', async () => {
    const { call, backend } = await makeBackend();
    const before = await backend.summary();
    for (const method of Object.keys(DESK_CHECKS)) {
      expect(await call(method, { bogus: 1 }), method).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await call(method, [1, 2]), method).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await call(method, 'path/to/file'), method).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await backend.summary()).toEqual(before);
  });

  it('names the offending field and what was expected', async () => {
    const { call } = await makeBackend();
    const r = await call('contacts.search', { limit: 10, status: 'Maybe' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('status') } });
    const s = await call('rulebook.setAssumption', { name: 'doubleOptInWindowHours', value: 'a day' });
    expect(s).toMatchObject({ ok: false, error: { message: expect.stringContaining('value: expected a number from 0 to 8760') } });
  });
});
