// Auto-lock: a person's input (mouse, keys, wheel, touch) restarts the countdown; when it runs out
// the screen locks. The main process also ends idle sessions; this locks the screen on time even
// when the app makes no call.

const INPUT_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls onIdle once after `minutes` without input on target (0 = never); returns the stop. */
export function watchIdle(target: EventTarget, minutes: number, onIdle: () => void): () => void {
  if (minutes <= 0) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  for (const name of INPUT_EVENTS) target.addEventListener(name, restart, { passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const name of INPUT_EVENTS) target.removeEventListener(name, restart);
  };
}
