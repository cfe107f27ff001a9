/**
 * The signed-in user: the bearer token and the user from POST /api/auth/login, kept in
 * localStorage so a reload or a new tab stays signed in. React reads it through useSession().
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
  localStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener());
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
