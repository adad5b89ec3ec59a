/**
 * Keyword/code GUID resolution: the analyst's dictionary first, then message tracking
 * (KeywordID ↔ SharedKeyword, CodeID ↔ ShortCode). What neither maps stays unmapped (→ a gap).
 */
import type { CodeDef, KeywordDef, KeywordKind, OptInTemplate } from '../../../shared/model/code';
import { dictionaryRows, trackingKeywordPairs, type Row } from '../db/queries';
import type { Workspace } from '../db/workspace';

/** The rows a resolver is built from: plain data, so the verdict worker builds the same resolver. */
export interface KeywordRows {
  readonly pairs: readonly Row[];
  readonly dictionary: readonly Row[];
}

export const keywordRows = (ws: Workspace): KeywordRows => ({ pairs: trackingKeywordPairs(ws), dictionary: dictionaryRows(ws) });

export interface ResolvedKeyword {
  readonly guid: string;
  readonly keyword: string;
  readonly code: string;
  readonly kind?: KeywordKind;
  readonly optIn?: OptInTemplate;
  readonly validResponses?: readonly string[];
  readonly windowHours?: number;
  /** Where the mapping came from. */
  readonly via: 'dictionary' | 'message-tracking';
}

export class KeywordResolver {
  readonly byGuid = new Map<string, ResolvedKeyword>();
  readonly codeByGuid = new Map<string, string>();
  private readonly codeGuid = new Map<string, string>();
  private readonly defs = new Map<string, CodeDef>();

  /** The workspace's rows as they are now: built again after each load (the backend caches one). */
  constructor(source: Workspace | KeywordRows) {
    const { pairs, dictionary } = 'pairs' in source ? source : keywordRows(source);
    const codeOfKeywordGuid = new Map<string, string>();
    for (const r of pairs) {
      if (r.code_id && r.short_code) this.codeByGuid.set(String(r.code_id).toUpperCase(), String(r.short_code));
      if (r.keyword_id && r.short_code) codeOfKeywordGuid.set(String(r.keyword_id).toUpperCase(), String(r.short_code));
    }
    for (const r of pairs) {
      if (!r.keyword_id || !r.shared_keyword) continue;
      const guid = String(r.keyword_id).toUpperCase();
      const code = codeOfKeywordGuid.get(guid) ?? (r.code_id ? this.codeByGuid.get(String(r.code_id).toUpperCase()) : undefined);
      if (code) this.byGuid.set(guid, { guid, keyword: String(r.shared_keyword).toUpperCase(), code, via: 'message-tracking' });
    }
    for (const r of dictionary) {
      const guid = String(r.keyword_id).toUpperCase();
      const code = String(r.code);
      if (r.code_id) this.codeByGuid.set(String(r.code_id).toUpperCase(), code);
      this.byGuid.set(guid, {
        guid, keyword: String(r.keyword).toUpperCase(), code, via: 'dictionary',
        ...(r.kind ? { kind: String(r.kind) as KeywordKind } : {}),
        ...(r.opt_in ? { optIn: String(r.opt_in) as OptInTemplate } : {}),
        ...(r.valid_responses ? { validResponses: String(r.valid_responses).split(/[;|]/).map((s) => s.trim().toUpperCase()).filter(Boolean) } : {}),
        ...(r.window_hours ? { windowHours: Number(r.window_hours) } : {}),
      });
    }
    for (const [g, c] of this.codeByGuid) this.codeGuid.set(c, g);
  }

  keyword(guid: string | null | undefined): ResolvedKeyword | undefined {
    return guid ? this.byGuid.get(guid.toUpperCase()) : undefined;
  }

  code(guid: string | null | undefined): string | undefined {
    return guid ? this.codeByGuid.get(guid.toUpperCase()) : undefined;
  }

  /** CodeDefs for the given codes with every keyword known on them (the engine needs STOP/HELP too). */
  codeDefs(codes: Iterable<string>): CodeDef[] {
    return [...new Set(codes)].map((code) => this.codeDef(code));
  }

  /** Built once per code: the verdict table asks for the same few codes for every number. */
  private codeDef(code: string): CodeDef {
    const known = this.defs.get(code);
    if (known) return known;
    const keywords: KeywordDef[] = [];
    const seen = new Set<string>();
    for (const k of this.byGuid.values()) {
      if (k.code !== code || seen.has(k.keyword)) continue;
      seen.add(k.keyword);
      keywords.push({
        keyword: k.keyword,
        // Kind is only known from the dictionary; a tracking-only keyword is assumed outbound and noted by a gap.
        kind: k.kind ?? 'outbound',
        ...(k.optIn ? { optIn: k.optIn } : {}),
        ...(k.validResponses ? { validResponses: k.validResponses } : {}),
        ...(k.windowHours ? { windowHours: k.windowHours } : {}),
        guid: k.guid,
      });
    }
    const guid = this.codeGuid.get(code);
    const def: CodeDef = { code, type: code.length <= 8 ? 'short' : 'long', country: 'US', keywords, ...(guid ? { guid } : {}) };
    this.defs.set(code, def);
    return def;
  }
}
