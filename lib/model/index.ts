export * from './types';
export * from './ids';
export * from './money';
export * from './time';
export * from './status';
export * from './mask';
export * from './shape';
export * from './validate';
