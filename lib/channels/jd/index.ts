// JD (JOS routerjson): the channel's public API.
export * from './codes';
export * from './sign';
export * from './client';
export * from './normalize';
export * from './refunds';
