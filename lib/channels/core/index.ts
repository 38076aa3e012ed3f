export * from './windows';
export * from './paginate';
export * from './methods';
export * from './errors';
export * from './rest';
