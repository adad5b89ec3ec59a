/** A large, realistic `_SMSSubscriptionLog` CSV for benchmarks (1M–5M rows), streamed to disk. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeRows } from './csv-stream';
import { cstUs, guid, mulberry32 } from './prng';

export const BIG_LOG_HEADER =
  'LogDate,SubscriberKey,MobileSubscriptionID,SubscriptionDefinitionID,MobileNumber,OptOutStatusID,OptOutMethodID,OptOutDate,OptInStatusID,OptInMethodID,OptInDate,Source,CreatedDate,ModifiedDate';

/** Returns the bytes written. Rows: opt-ins by keyword/import/API, with ~15% later opt-outs. */
export async function generateSubscriptionLog(path: string, rows: number, seed = 7): Promise<number> {
  const rng = mulberry32(seed);
  const guids = Array.from({ length: 8 }, () => guid(rng));
  const start = Date.UTC(2024, 0, 1, 14, 0, 0);
  return writeRows(path, BIG_LOG_HEADER, rows, (j) => {
    const at = start + Math.floor(rng() * 600 * 86_400) * 1000;
    const d = cstUs(at);
    const number = String(15550000000 + Math.floor(rng() * 4_000_000));
    const g = guids[j % 8]!;
    const method = rng() < 0.6 ? '12' : rng() < 0.7 ? '4' : '2';
    if (rng() < 0.15) {
      const out2 = cstUs(at + 86_400_000);
      return `${out2},SK${j},${j},${g},${number},1,,${out2},0,${method},${d},${method},${d},${out2}`;
    }
    return `${d},SK${j},${j},${g},${number},0,,,2,${method},${d},${method},${d},${d}`;
  });
}

/**
 * A keyword dictionary for the log of the same seed: six of its eight subscription GUIDs become
 * keywords on two codes (one with double opt-in), two stay unmapped, so the verdict table has the mix
 * of statuses and verdicts an analyst's workspace has (every number 'unknown' without it).
 */
export async function generateKeywordDictionary(path: string, seed = 7): Promise<void> {
  const rng = mulberry32(seed);
  const guids = Array.from({ length: 8 }, () => guid(rng)); // the log's, drawn first from the same seed
  const codes = [
    { code: '12345', id: guid(rng) },
    { code: '67890', id: guid(rng) },
  ];
  const keywords = ['JOIN', 'DEALS', 'NEWS', 'ALERTS', 'VIP', 'STORE'];
  const lines = keywords.map((k, i) => {
    const c = codes[i % 2]!;
    return k === 'DEALS' ? `${guids[i]},${k},${c.code},${c.id},opt-in,double,Y;YES,24,US` : `${guids[i]},${k},${c.code},${c.id},opt-in,single,,,US`;
  });
  const out = createWriteStream(path);
  out.end(`KeywordID,Keyword,Code,CodeID,Kind,OptInTemplate,ValidResponses,WindowHours,Country\r\n${lines.join('\r\n')}\r\n`);
  await once(out, 'finish');
}
