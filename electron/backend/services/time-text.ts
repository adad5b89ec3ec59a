/** Times as analysts read them: UTC, and MobileConnect's Central Standard Time (fixed UTC−6, no DST). */
const CST_OFFSET_MS = -6 * 3600_000;

export const utcText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
export const cstText = (ms: number): string => `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')} CST`;
