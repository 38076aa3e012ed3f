export * from './audit';
export * from './allocation';
export * from './carrierMatch';
export * from './stockSync';
export { RuleConfigError, type ListField } from './configFields';
export { normalizeRegionName } from './regions';
export { receiverKey, shopBuyerKey, lineSkuKey, normalizePhone } from './orderKeys';
