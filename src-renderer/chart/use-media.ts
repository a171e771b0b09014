import { useEffect, useState } from 'react';

import type { ResolvedTheme, ThemeChoice } from './heatmap-view';

/** Whether a media query matches now, following changes (false where matchMedia is absent). */
export function useMediaQuery(query: string): boolean {
  const get = () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mql = window.matchMedia(query);
    const onChange = () => setMatches(mql.matches);
    onChange();
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** `system` resolved through prefers-color-scheme. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The theme in force, also written to `<html data-theme>` so styles/theme.css switches the
 * page's colours with the map's.
 */
export function useResolvedTheme(choice: ThemeChoice): ResolvedTheme {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const theme = resolveTheme(choice, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}

export const useReducedMotion = () => useMediaQuery('(prefers-reduced-motion: reduce)');
