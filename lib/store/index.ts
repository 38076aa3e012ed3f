// The order store (统一订单中心): one contract over SQLite (embedded) and PostgreSQL (shared by n8n workers).
export { openStore, DEFAULT_PHONE_HASH_SALT } from './store';
export { ACCESS_PROFILES, PROFILE_RULES, project, type AccessProfile, type ProjectOptions } from './profiles';
export { StoreError, type StoreErrorCode } from './errors';
export { canTransition } from './transitions';
export { RESERVE_STOCK_SQL } from './reservations';
export { MIGRATIONS, type Migration } from './migrations';
export { STORE_TABLES } from './maintenance';
export { DEFAULT_SQLITE_BUSY_TIMEOUT_MS } from './sqlite';
export type * from './types';
