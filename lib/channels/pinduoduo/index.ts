// Pinduoduo (拼多多开放平台): the channel's public API.
export * from './codes';
export * from './sign';
export * from './client';
export * from './normalize';
