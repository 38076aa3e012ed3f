export * from './client';
export * from './codes';
export * from './normalize';
export * from './push';
export * from './sign';
