/** The embedded store of access records in DATA_DIR, apart from the oversight events. */
export const SQLITE_ACCESS_AUDIT_FILE = 'access-audit.sqlite';
