/**
 * 100 bytes of UTF-8 (51 code points): Latin with diacritics, Cyrillic, CJK, an emoji
 * outside the BMP, typographic punctuation, and a leading space that must not be trimmed.
 */
export const UNICODE_PASSWORD = " Zoë’s 🔑 ключ — 日本語のパスワード Ünïcødé✓Ünïcødé✓Ünïcødé✓Ü";

/** The same password with its last character changed (here only its case). */
export const UNICODE_PASSWORD_LAST_CHANGED = `${UNICODE_PASSWORD.slice(0, -1)}ü`;

/** argon2id, version 19, 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash. */
export const ARGON2_PHC =
  /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;
