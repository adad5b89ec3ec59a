/**
 * The analyst's keyword dictionary: keyword GUID → code, keyword, kind (opt-in/outbound/stop/help),
 * opt-in template. It resolves SubscriptionDefinitionIDs that message tracking cannot.
 */
import { KEYWORD_KINDS, OPT_IN_TEMPLATES } from '../../../shared/model/code';
import type { FormatSpec } from './format';

export const keywordDictionary: FormatSpec = {
  id: 'keyword-dictionary',
  label: 'Keyword dictionary',
  table: 'keywords',
  columns: [
    { key: 'keywordId', names: ['KeywordID', 'SubscriptionDefinitionID', 'GUID'], required: true },
    { key: 'keyword', names: ['Keyword'], required: true },
    { key: 'code', names: ['Code', 'ShortCode'], required: true },
    { key: 'codeId', names: ['CodeID'] },
    { key: 'kind', names: ['Kind', 'KeywordType'] },
    { key: 'optIn', names: ['OptInTemplate', 'Template'] },
    { key: 'validResponses', names: ['ValidResponses'] },
    { key: 'windowHours', names: ['WindowHours'] },
    { key: 'country', names: ['Country', 'CountryCode'] },
  ],
  mapRow: (r) => {
    const kind = r.raw('kind').trim().toLowerCase();
    if (kind !== '' && !(KEYWORD_KINDS as readonly string[]).includes(kind)) r.fail('kind', kind, 'kind-unknown', `Kind must be one of ${KEYWORD_KINDS.join(', ')}`);
    const optIn = r.raw('optIn').trim().toLowerCase();
    if (optIn !== '' && !(OPT_IN_TEMPLATES as readonly string[]).includes(optIn)) r.fail('optIn', optIn, 'template-unknown', `OptInTemplate must be one of ${OPT_IN_TEMPLATES.join(', ')}`);
    const window = r.raw('windowHours').trim();
    if (window !== '' && !/^\d+(\.\d+)?$/.test(window)) r.fail('windowHours', window, 'not-a-number', 'WindowHours must be a number of hours');
    for (const k of ['keywordId', 'keyword', 'code']) if (r.raw(k).trim() === '') r.fail(k, '', 'value-missing', `${r.ix.name(k)} is empty`);
    const row = [
      r.sourceId, r.line, r.raw('keywordId').trim(), r.raw('keyword').trim(), r.raw('code').trim(), r.text('codeId'),
      kind || null, optIn || null, r.text('validResponses'), window || null, r.text('country'), r.extras(),
    ];
    return r.failed ? null : row;
  },
};
