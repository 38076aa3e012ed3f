// WeChat shop (微信小店 / 视频号小店): the channel's public API.
export * from './codes';
export * from './sign';
export * from './push';
export * from './client';
export * from './normalize';
