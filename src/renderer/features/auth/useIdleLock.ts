// Locks the screen after the folder's auto-lock minutes without input (only where people sign in).
import { useEffect } from 'react';
import { watchIdle } from './idle';
import { useAuth } from './store';

export function useIdleLock(): void {
  const minutes = useAuth((s) => (s.status?.mode === 'password' ? s.status.idleLockMinutes : 0));
  const lock = useAuth((s) => s.lock);
  useEffect(() => watchIdle(window, minutes, () => void lock()), [minutes, lock]);
}
