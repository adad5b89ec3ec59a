/** A small deterministic content hash (FNV-1a, 64 bit) over canonical JSON, for rulebook ids. */

/** JSON with object keys sorted, so equal content gives equal text. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(',')}}`;
};

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export const fnv1a64 = (text: string): string => {
  let h = OFFSET;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Both bytes of the UTF-16 unit, so non-ASCII text hashes deterministically too.
    h = ((h ^ BigInt(c & 0xff)) * PRIME) & MASK;
    h = ((h ^ BigInt(c >> 8)) * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
};

export const contentHash = (value: unknown): string => `fnv1a64:${fnv1a64(canonicalJson(value))}`;
