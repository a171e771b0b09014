import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

/** How long a confirmation stays on screen. */
export const TOAST_MS = 3500;

/** A short confirmation ("Copied AAPL.") in a polite live region. */
export function useToast(): { show(text: string): void; node: ReactNode } {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((next: string) => {
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(''), TOAST_MS);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const node = (
    <div className={text ? 'toast' : 'sr-only'} role="status">
      {text}
    </div>
  );
  return { show, node };
}
