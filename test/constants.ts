/** Fixed secrets for tests (never used outside them). */
export const TEST_SESSION_SECRET = 'test-session-secret-of-at-least-32-characters';
export const TEST_LOGBOEK_KEY = 'a'.repeat(64);
export const TEST_BSN_ENCRYPTION_KEYS = `v1:${'b'.repeat(64)}`;
export const TEST_BSN_HASH_KEY = 'c'.repeat(64);
export const TEST_TOTP_ENCRYPTION_KEYS = `v1:${'d'.repeat(64)}`;
