// Keyboard shortcuts: 'n', '/', 'mod+k' (Ctrl or ⌘). Plain keys are ignored while typing in a
// field or while a dialog is open; 'mod+' combinations always work.
import { useEffect, useRef } from 'react';

type Handlers = Record<string, () => void>;

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
const dialogOpen = () => document.querySelector('.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open') !== null;

function keyName(e: KeyboardEvent): string {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return e.ctrlKey || e.metaKey ? `mod+${key}` : key;
}

export function useHotkeys(handlers: Handlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = keyName(e);
      const handler = ref.current[name];
      if (!handler || e.altKey) return;
      if (!name.startsWith('mod+') && (typing(e.target) || dialogOpen())) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
