// WooCommerce (seller's own WordPress site, REST API v3): the channel's public API.
export * from './codes';
export * from './sign';
export * from './client';
export * from './normalize';
