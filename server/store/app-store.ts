// The app store in SQLite: users, sessions and the query audit log. Session tokens are stored
// hashed, so a copy of the database cannot be replayed as a login.
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: 'analyst' | 'admin';
  readonly passwordHash: string;
}

export interface AuditEntry {
  readonly userId: number;
  readonly dataset: string;
  /** The validated PivotQuery as JSON: codes and field ids only, never a result value. */
  readonly queryJson: string;
  readonly cells: number;
  readonly suppressed: number;
  readonly outcome: 'ok' | 'error';
}

export interface AppStore {
  findUserByEmail(email: string): User | undefined;
  createUser(u: Omit<User, 'id'>): User;
  setPasswordHash(userId: number, passwordHash: string): void;
  createSession(userId: number, ttlMs: number): string;
  findSessionUser(token: string): User | undefined;
  deleteSession(token: string): void;
  recordAudit(entry: AuditEntry): void;
  /** The queries of the most recent successful pivots, newest first (for choosing rollups). */
  recentQueries(limit: number): string[];
  countAudit(userId: number): number;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('analyst','admin')), password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  user_id INTEGER NOT NULL, dataset TEXT NOT NULL, query_json TEXT NOT NULL,
  cells INTEGER NOT NULL, suppressed INTEGER NOT NULL, outcome TEXT NOT NULL
);`;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow { id: number; email: string; name: string; role: 'analyst' | 'admin'; password_hash: string }
const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, role: r.role, passwordHash: r.password_hash });

export function openAppStore(file: string): AppStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const insertUser = db.prepare('INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)');
  const updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)');
  const sessionUser = db.prepare<[string, number], UserRow>(
    'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?');
  const removeSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const recentOk = db.prepare<[number], { query_json: string }>("SELECT query_json FROM audit WHERE outcome = 'ok' ORDER BY id DESC LIMIT ?");
  const insertAudit = db.prepare('INSERT INTO audit (user_id, dataset, query_json, cells, suppressed, outcome) VALUES (?, ?, ?, ?, ?, ?)');
  const auditCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM audit WHERE user_id = ?');

  return {
    findUserByEmail: (email) => { const r = byEmail.get(email); return r ? toUser(r) : undefined; },
    createUser: (u) => {
      const info = insertUser.run(u.email, u.name, u.role, u.passwordHash);
      return { ...u, id: Number(info.lastInsertRowid) };
    },
    setPasswordHash: (userId, passwordHash) => { updatePassword.run(passwordHash, userId); },
    createSession: (userId, ttlMs) => {
      const token = randomBytes(32).toString('base64url');
      insertSession.run(hashToken(token), userId, Date.now() + ttlMs);
      return token;
    },
    findSessionUser: (token) => { const r = sessionUser.get(hashToken(token), Date.now()); return r ? toUser(r) : undefined; },
    deleteSession: (token) => { removeSession.run(hashToken(token)); },
    recordAudit: (e) => { insertAudit.run(e.userId, e.dataset, e.queryJson, e.cells, e.suppressed, e.outcome); },
    recentQueries: (limit) => recentOk.all(limit).map((r) => r.query_json),
    countAudit: (userId) => auditCount.get(userId)?.n ?? 0,
    close: () => db.close(),
  };
}
