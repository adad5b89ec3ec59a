/**
 * A large `_SMSMessageTracking` CSV for benchmarks (1M rows), streamed to disk: a Query Studio extract
 * (`YYYY-MM-DD HH:mm:ss.fff` CST dates) of inbound keywords and STOPs and outbound sends, whose texts
 * carry commas (quoted fields), over the numbers and GUIDs of the big log of the same seed.
 */
import { writeRows } from './csv-stream';
import { cstSql, guid, mulberry32 } from './prng';

export const BIG_TRACKING_HEADER =
  'MobileMessageTrackingID,Mobile,KeywordID,CodeID,SharedKeyword,ShortCode,MessageText,Inbound,Outbound,Sent,Delivered,Undelivered,' +
  'CreateDateTime,ModifiedDateTime,SubscriberKey,SMSStandardStatusCodeId,Description,JBDefinitionID';

const INBOUND = ['JOIN', 'STOP', 'Y', 'HELP', 'YES', 'Stop'];
const KEYWORDS = ['JOIN', 'DEALS', 'NEWS', 'ALERTS', 'VIP', 'STORE', 'PROMO', 'TEST'];

/** Returns the bytes written. */
export async function generateMessageTracking(path: string, rows: number, seed = 7): Promise<number> {
  const rng = mulberry32(seed);
  const guids = Array.from({ length: 8 }, () => guid(rng));
  const codeIds = [guid(rng), guid(rng)];
  const journey = guid(rng);
  const start = Date.UTC(2024, 0, 1, 14, 0, 0);
  return writeRows(path, BIG_TRACKING_HEADER, rows, (j) => {
    const at = start + Math.floor(rng() * 600 * 86_400) * 1000;
    const number = String(15550000000 + Math.floor(rng() * 4_000_000));
    const k = j % 8;
    const code = k % 2 === 0 ? '12345' : '67890';
    const head = `${9_000_000 + j},${number},${guids[k]},${codeIds[k % 2]},${KEYWORDS[k]},${code}`;
    if (rng() < 0.3) return `${head},${INBOUND[j % INBOUND.length]},1,0,0,0,0,${cstSql(at)},${cstSql(at)},SK${j},,,`;
    const delivered = rng() < 0.95;
    const text = `"${KEYWORDS[k]}: offer #${j % 1000} ends soon, see acme.example/o. Reply STOP to opt out, HELP for help."`;
    const done = cstSql(at + 4_000);
    return `${head},${text},0,1,1,${delivered ? 1 : 0},${delivered ? 0 : 1},${cstSql(at)},${done},SK${j},${delivered ? 1 : 4},${delivered ? 'Delivered' : 'Undeliverable'},${j % 3 ? journey : ''}`;
  });
}
