// Douyin Shop (抖店) open platform: the channel's public API.
export * from './codes';
export * from './sign';
export * from './client';
export * from './normalize';
export * from './push';
