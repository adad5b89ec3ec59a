/** Splits CSV text into slices that end on a record boundary (even quote count), so big files parse in steps. */
import Papa from 'papaparse';

export interface Slice { readonly start: number; readonly end: number; readonly firstLine: number }

export function* slices(text: string, start: number, firstLine: number, size = 1 << 21): Generator<Slice> {
  let from = start;
  let line = firstLine;
  while (from < text.length) {
    let end = Math.min(text.length, from + size);
    if (end < text.length) {
      let nl = text.indexOf('\n', end);
      while (nl !== -1 && quotes(text, from, nl) % 2 === 1) nl = text.indexOf('\n', nl + 1);
      end = nl === -1 ? text.length : nl + 1;
    }
    yield { start: from, end, firstLine: line };
    line += lines(text, from, end);
    from = end;
  }
}

const quotes = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('"', from); i !== -1 && i < to; i = text.indexOf('"', i + 1)) n++;
  return n;
};
const lines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Header row and where the body starts. */
export function headerOf(text: string): { header: string[]; bodyStart: number } {
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  const parsed = Papa.parse<string[]>(first.replace(/\r$/, ''), { header: false });
  return { header: (parsed.data[0] ?? []).map((h) => h.trim()), bodyStart: nl === -1 ? text.length : nl + 1 };
}

export const parseRows = (text: string): string[][] => Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
