/** The rules engine's public API (shared/rules). Pure TypeScript: no Node, DOM, clock or randomness. */
export * from './sources';
export * from './rule-ids';
export * from './rules-catalog';
export * from './code-tables';
export * from './assumptions';
export * from './rulebook';
export * from './hash';
export * from './replay-types';
export { replay, replayState, replayOrder, eventTime, type ReplayOptions } from './replay';
export { stateAt } from './state-at';
export { plainReplay, plainStep } from './step-log';
export { diffReplays, type ReplayDiff, type SubscriptionDiff, type VerdictDiff, type Divergence } from './diff';
export { parseScenario, checkTimestamp, type ParseResult } from './parse-scenario';
export type { WorldSnapshot } from './state';
export { fmtTime } from './explain-text';
export { businessDaysAfter, REVOCATION_BUSINESS_DAYS } from './rules-send';
export { readsLikeOptOut } from './rules-mo';
export { explainNumber, type NumberExplanation, type CodeExplanation, type KeywordExplanation } from './explain';
