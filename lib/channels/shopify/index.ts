// Shopify (seller's own site, Admin REST): the channel's public API.
export * from './codes';
export * from './sign';
export * from './rest';
export * from './client';
export * from './normalize';
