// Xiaohongshu (小红书) Ark open platform: the channel's public API.
export * from './codes';
export * from './sign';
export * from './client';
export * from './normalize';
