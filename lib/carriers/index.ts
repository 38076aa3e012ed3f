export * from './status';
export * from './carrierCodes';
export * from './types';
export * from './push';
export { buildTimeline } from './timeline';
export * as kuaidi100 from './kuaidi100';
export * as kdniao from './kdniao';
export * as sf from './sf';
