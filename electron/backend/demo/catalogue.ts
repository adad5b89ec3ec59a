/** The demo account: two short codes and their keywords (one GUID deliberately missing from the dictionary). */
import { guid, type Rng } from './prng';

export interface DemoKeyword {
  readonly keyword: string;
  readonly code: string;
  readonly kind: 'opt-in' | 'outbound' | 'stop' | 'help';
  readonly optIn?: 'single' | 'double';
  readonly guid: string;
  /** Left out of the dictionary and never seen in message tracking: an unmapped GUID. */
  readonly unmapped?: boolean;
}

export interface DemoCode {
  readonly code: string;
  readonly guid: string;
}

export function catalogue(rng: Rng): { codes: DemoCode[]; keywords: DemoKeyword[] } {
  const codes = [{ code: '12345', guid: guid(rng) }, { code: '67890', guid: guid(rng) }];
  const kw = (keyword: string, code: string, kind: DemoKeyword['kind'], optIn?: 'single' | 'double', unmapped?: boolean): DemoKeyword => ({
    keyword, code, kind, guid: guid(rng), ...(optIn ? { optIn } : {}), ...(unmapped ? { unmapped } : {}),
  });
  const keywords = [
    kw('JOIN', '12345', 'opt-in', 'single'),
    kw('DEALS', '12345', 'opt-in', 'double'),
    kw('ALERTS', '12345', 'outbound'),
    kw('HELP', '12345', 'help'),
    kw('HALT', '12345', 'stop'),
    kw('VIP', '67890', 'opt-in', 'single'),
    kw('NEWS', '67890', 'opt-in', 'double'),
    kw('HELP', '67890', 'help'),
    kw('LEGACY', '12345', 'outbound', undefined, true),
  ];
  return { codes, keywords };
}
