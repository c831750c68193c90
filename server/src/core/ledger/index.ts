/** The commitment ledger (履约台账): extraction, ids, the ledger file, merging and deadlines. */
export { extractCommitments, documentKey } from './extract';
export { commitmentId, commitmentIds, normalisePromise, hash } from './id';
export { mergeLedger, warningOf, similarity, type LedgerRow, type OrphanRow, type MergeResult } from './merge';
export { readLedger, ledgerSchema, LEDGER_FILE_NAME, MAX_LEDGER_SIZE, type LedgerFile, type LedgerProblem } from './ledgerFile';
export { setLedgerStatus, updateLedgerEntry, addLedgerEntries, LEDGER_HEADER, type LedgerEditResult } from './ledgerEdit';
export { checkDeadlines, type LedgerOptions } from './deadlines';
export { termOf, type Term } from './term';
export { isoDate, addDays, addMonths, daysBetween, todayOf } from './dates';
export { findAmounts } from './amounts';
export { findDeadline } from './timeLimits';
export * from './types';
export { buildLedgerReport, type LedgerReport, type ReportRow, type AgreementInfo, type ReportInput } from './report';
export { partyModel, type PartyModel, type LedgerParty } from './partyLines';
