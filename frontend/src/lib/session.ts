/**
 * The signed-in user: the bearer token and the user from POST /api/auth/login, kept in
 * localStorage so a reload or a new tab stays signed in. React reads it through useSession().
 * What a stolen token is worth is bounded on the server, not here: it ends on sign-out, on a
 * password change or reset, and after SESSION_IDLE_SECONDS unused (docs/web.md, "Sessions").
 *
 * When the API ends the session (a 401), endSession keeps why, for this tab only, so the login
 * page can say it; the next sign-in forgets it.
 */
import { useSyncExternalStore } from "react";
import { isRole, type Role } from "@/config/roles";

export interface SessionUser {
  id: string;
  username: string;
  orgId: string;
  role: Role;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = "ipledge.session";
const ENDED_KEY = "ipledge.sessionEnded";

/** Why the API stopped taking the token: unused too long, ended on the server, or past its lifetime. */
export const SESSION_END_REASONS = ["idle", "revoked", "expired"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session> | null;
    const user = value?.user;
    if (typeof value?.token !== "string" || !user || typeof user.id !== "string" || !isRole(user.role)) return null;
    return { token: value.token, user };
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  const raw = localStorage.getItem(KEY);
  if (raw !== cached.raw) cached = { raw, session: parse(raw) };
  return cached.session;
}

export function setSession(session: Session): void {
  sessionStorage.removeItem(ENDED_KEY);
  localStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener());
}

/** The API refused the token (see reasonForCode): signed out, with the reason kept for the login page. */
export function endSession(reason: SessionEndReason): void {
  sessionStorage.setItem(ENDED_KEY, reason);
  clearSession();
}

/** Why the last session ended, if the API ended it. */
export function sessionEndReason(): SessionEndReason | null {
  const reason = sessionStorage.getItem(ENDED_KEY);
  return (SESSION_END_REASONS as readonly (string | null)[]).includes(reason) ? (reason as SessionEndReason) : null;
}

/** The API's 401 code as a reason a person understands. */
export function reasonForCode(code: string): SessionEndReason {
  if (code === "SESSION_IDLE") return "idle";
  if (code === "SESSION_REVOKED") return "revoked";
  return "expired";
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing out in one tab signs out the others.
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
