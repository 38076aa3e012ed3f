export * from './types';
export * from './registry';
export * from './compile';
export * from './engine';
export * from './dryRun';
export { blacklistKeys, blacklistEntryKey, blacklistFromEntries, type BlacklistEntry } from './rules/blacklist';
export { recentOrdersFromList, MERGEABLE_STATUSES } from './rules/recentOrders';
export {
	ADDRESS_FIELDS,
	DEFAULT_SUSPICIOUS_ADDRESS_WORDS,
	DEFAULT_PO_BOX_WORDS,
	DEFAULT_PARCEL_LOCKER_WORDS,
} from './rules/address';
export { KEYWORD_FIELDS } from './rules/keywords';
export { PRICE_BASES } from './rules/unitPrice';
