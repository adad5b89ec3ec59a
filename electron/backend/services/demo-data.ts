/**
 * Deterministic synthetic MobileConnect exports (interim, until the loader's demo generator lands):
 * message tracking, an import file and a Contact Builder subscriptions export, with histories that
 * exercise the rules — opt-ins, STOPs, imports after STOP, Unsubscribe imports, plain-words opt-outs.
 */
export interface DemoFiles { readonly tracking: string; readonly imports: string; readonly subscriptions: string; readonly rows: number }

const TRACKING_HEADER = 'MobileMessageTrackingID,Mobile,KeywordID,CodeID,SharedKeyword,ShortCode,MessageText,Inbound,Outbound,Sent,Delivered,Undelivered,CreateDateTime';
const IMPORT_HEADER = '_MobileNumber,_Locale,_ContactKey,_Status,Keyword,ShortCode,ImportDate';
const SUBS_HEADER = 'Keyword,Mobile Number,Opt In Status,Opt In Method,Opt In Date,Opt Out Status,Opt Out Method,Opt Out Date,Source,Created Date,Modified Date';

/** `M/D/YYYY h:mm:ss AM` in CST, as Query Studio writes it. */
const usDate = (ms: number): string => {
  const d = new Date(ms - 6 * 3600_000);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
};
const sqlDate = (ms: number): string => new Date(ms - 6 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') + '.000';

export const demoNumber = (i: number): string => `1555${String(1230000 + i).padStart(7, '0')}`;

export function generateDemo(count: number, start = Date.UTC(2025, 2, 3, 15, 0, 0)): DemoFiles {
  const tracking: string[] = [TRACKING_HEADER];
  const imports: string[] = [IMPORT_HEADER];
  const subs: string[] = [SUBS_HEADER];
  let id = 1;
  const mo = (num: string, code: string, text: string, at: number) => tracking.push(`${id++},${num},,,,${code},${text.includes(',') ? `"${text}"` : text},1,0,0,0,0,${usDate(at)}`);
  const send = (num: string, code: string, kw: string, at: number, delivered = true) => tracking.push(`${id++},${num},,,${kw},${code},Your ${kw} update,0,1,1,${delivered ? 1 : 0},${delivered ? 0 : 1},${usDate(at)}`);
  const imp = (num: string, status: string, kw: string, code: string, at: number) => imports.push(`${num},en-US,C${num},${status},${kw},${code},${sqlDate(at)}`);
  const sub = (num: string, kw: string, optIn: number, optOut: number, at: number) => subs.push(`${kw},${num},${optIn},${optIn === 2 ? 12 : ''},${optIn === 2 ? usDate(at) : ''},${optOut},${optOut ? 14 : ''},${optOut ? usDate(at) : ''},12,${usDate(at)},${usDate(at)}`);
  const H = 3600_000;
  for (let i = 0; i < count; i++) {
    const n = demoNumber(i);
    const t = start + (i % 500) * 7 * 60_000 + Math.floor(i / 500) * 13 * 60_000;
    switch (i % 8) {
      case 0: mo(n, '12345', 'JOIN', t); send(n, '12345', 'JOIN', t + 2 * H); sub(n, 'JOIN', 2, 0, t); break;
      case 1: mo(n, '12345', 'JOIN', t); mo(n, '12345', 'STOP', t + 30 * H); send(n, '12345', 'JOIN', t + 50 * H); sub(n, 'JOIN', 2, 0, t); break;
      case 2: imp(n, 'Active', 'ALERTS', '12345', t); send(n, '12345', 'ALERTS', t + 24 * H); break;
      case 3: mo(n, '12345', 'JOIN', t); imp(n, 'Unsubscribe', 'ALERTS', '12345', t + 72 * H); send(n, '12345', 'JOIN', t + 96 * H); break;
      case 4: mo(n, '67890', 'DEALS', t); mo(n, '67890', 'please stop texting me', t + 5 * 24 * H); send(n, '67890', 'DEALS', t + 20 * 24 * H); break;
      case 5: mo(n, '12345', 'JOIN', t); mo(n, '12345', 'STOP', t + 10 * H); imp(n, 'Active', 'ALERTS', '12345', t + 40 * H); sub(n, 'JOIN', 0, 1, t + 10 * H); break;
      case 6: send(n, '67890', 'DEALS', t, false); break;
      default: mo(n, '12345', 'HELP', t); mo(n, '67890', 'DEALS', t + H); mo(n, '12345', 'JOIN', t + 2 * H); sub(n, 'DEALS', 2, 0, t + H); break;
    }
  }
  return { tracking: tracking.join('\r\n') + '\r\n', imports: imports.join('\r\n') + '\r\n', subscriptions: subs.join('\r\n') + '\r\n', rows: tracking.length + imports.length + subs.length - 3 };
}
