import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/backend/db/workspace';
import { loadDerivedEvents, saveDerivedEvents } from '../../../electron/backend/db/events';
import { reconstruct } from '../../../electron/backend/history/reconstruct';
import { loadFiles } from '../../../electron/backend/import/load';
import { SCENARIO_FORMAT } from '../../../shared/model/scenario';
import { DEMO_SMALL, FIXTURES, newWorkspace } from '../../support/backend';

let ws: Workspace;
beforeAll(async () => {
  ws = await newWorkspace();
  const r = await loadFiles(ws, readdirSync(join(FIXTURES, 'demo-small')).map((f) => ({ path: DEMO_SMALL(f) })));
  expect(r.files.every((f) => f.status === 'loaded')).toBe(true);
});

const brief = (n: string) =>
  reconstruct(ws, n).scenario.events.map((e) => [e.type, 'text' in e ? e.text : 'keyword' in e ? e.keyword : undefined]);

describe('history reconstruction', () => {
  it('a STOP after single opt-in: events cite file, line and SHA-256 of the rows they come from', () => {
    const { scenario } = reconstruct(ws, '15550100056');
    expect(scenario.format).toBe(SCENARIO_FORMAT);
    expect(brief('15550100056')).toEqual([['mo', 'JOIN'], ['send', 'JOIN'], ['mo', 'STOP'], ['send', 'JOIN']]);
    const stop = scenario.events[2]!;
    // The tracked inbound STOP and the log's opt-out row are one event with both citations.
    expect(stop.evidence!.map((c) => c.file).sort()).toEqual(['sms_message_tracking.csv', 'sms_subscription_log.csv']);
    for (const c of scenario.events.flatMap((e) => e.evidence!)) {
      const text = readFileSync(DEMO_SMALL(c.file));
      expect(c.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(text.toString('utf8').split('\r\n')[c.line - 1]).toContain('15550100056');
    }
    expect(scenario.events.map((e) => e.at)).toEqual([...scenario.events.map((e) => e.at)].sort());
    expect(scenario.codes.map((c) => c.code)).toEqual(['12345']);
    expect(scenario.codes[0]!.keywords.find((k) => k.keyword === 'HALT')).toMatchObject({ kind: 'stop' });
    expect(scenario.gaps).toEqual([]);
  });

  it('derived events are stored citing source id and line, and read back identically', () => {
    const { scenario } = reconstruct(ws, '15550100056');
    saveDerivedEvents(ws, '15550100056', scenario.events);
    saveDerivedEvents(ws, '15550100056', scenario.events); // idempotent per number
    expect(loadDerivedEvents(ws, '15550100056')).toEqual(scenario.events);
    const rows = ws.all(`SELECT e.line, s.file_name FROM events e JOIN sources s ON s.id = e.source_id WHERE number = '15550100056' ORDER BY at`);
    expect(rows.map((r) => [r.file_name, r.line])).toEqual(scenario.events.map((e) => [e.evidence![0]!.file, e.evidence![0]!.line]));
  });

  it('double opt-in confirmed: keyword then the confirming reply', () => {
    expect(brief('15550100007')).toEqual([['mo', 'DEALS'], ['mo', 'Y'], ['send', 'DEALS']]);
  });

  it('STOP, then an import into another keyword of the code', () => {
    expect(brief('15550100105')).toEqual([['mo', 'JOIN'], ['mo', 'STOP'], ['import', 'ALERTS'], ['send', 'ALERTS']]);
    const imp = reconstruct(ws, '15550100105').scenario.events[2]!;
    expect(imp).toMatchObject({ type: 'import', code: '12345', keyword: 'ALERTS', status: 'Active' });
  });

  it('import Unsubscribe and manual UI changes map to their events', () => {
    expect(reconstruct(ws, '15550100042').scenario.events[1]).toMatchObject({ type: 'import', keyword: 'VIP', status: 'Unsubscribe' });
    expect(reconstruct(ws, '15550100147').scenario.events.map((e) => 'action' in e && e.action)).toEqual(['optIn', 'optOut']);
    expect(reconstruct(ws, '15550100168').scenario.events[0]).toMatchObject({ type: 'api.messageContact', keyword: 'VIP', subscribe: true, resubscribe: false });
  });

  it('records a gap (not a guess) for an unmapped keyword GUID', () => {
    const { scenario } = reconstruct(ws, '15550100014');
    expect(scenario.events).toEqual([]);
    expect(scenario.gaps).toEqual([expect.objectContaining({ kind: 'unmapped-keyword', reason: expect.stringContaining('neither the keyword dictionary nor message tracking') })]);
  });

  it('records a gap for a STOP from a number with no known subscription', () => {
    expect(reconstruct(ws, '15550100063').scenario.gaps).toEqual([expect.objectContaining({ kind: 'stop-from-unknown-number', code: '67890' })]);
  });

  it('exposes the exported current state for comparison with the replay', () => {
    const { current } = reconstruct(ws, '15550100133');
    expect(current.subscriptions.map((s) => [s.origin, s.keyword, s.status])).toEqual([['data-view', 'NEWS', 'OptInPending']]);
    expect(current.contact).toMatchObject({ status: 'Active' });
  });

  it('current state that disagrees with the log is a log gap (only the first event per status is logged)', async () => {
    const other = await newWorkspace();
    const guid = String(ws.scalar(`SELECT keyword_id FROM keywords WHERE keyword = 'JOIN'`));
    const path = join(mkdtempSync(join(tmpdir(), 'ot-gap-')), 'mobile_subscription.csv');
    writeFileSync(path, `_SubscriptionDefinitionID,_MobileNumber,_OptOutStatusID,_OptInStatusID,_OptInMethodID\r\n${guid},15550100056,0,2,4\r\n`);
    await loadFiles(other, [{ path: DEMO_SMALL('keyword_dictionary.csv') }, { path: DEMO_SMALL('sms_subscription_log.csv') }, { path }]);
    const gaps = reconstruct(other, '15550100056').scenario.gaps!;
    expect(gaps).toEqual([expect.objectContaining({ kind: 'log-gap', keyword: 'JOIN', reason: expect.stringContaining("current state is OptedIn but the log's last recorded status is OptedOut") })]);
  });

  it('several subscriber keys on one number is a gap', async () => {
    const demo = await newWorkspace();
    await loadFiles(demo, [{ path: join(__dirname, '../../../assets/demo/sms_subscription_log.csv') }]);
    const shared = String(demo.scalar('SELECT number FROM subscription_log GROUP BY number HAVING COUNT(DISTINCT subscriber_key) > 1 LIMIT 1'));
    expect(reconstruct(demo, shared).scenario.gaps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'several-subscriber-keys' })]));
  });
});
