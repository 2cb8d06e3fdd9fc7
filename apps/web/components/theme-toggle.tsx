'use client';
// Light or dark: the page follows the system until the person picks the other one here. The
// choice is kept in localStorage and applied before the first paint by the script in
// app/layout.tsx; picking what the system already shows goes back to following the system.
import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from '../lib/theme';
import { MoonIcon, SunIcon } from './icons';

type Theme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';
const systemTheme = (): Theme => (window.matchMedia(darkQuery).matches ? 'dark' : 'light');

function shownTheme(): Theme {
  const chosen = document.documentElement.getAttribute('data-theme');
  return chosen === 'dark' || chosen === 'light' ? chosen : systemTheme();
}

/** Theme changes: the system's setting, and this toggle (in this tab). */
const CHANGE_EVENT = 'switchyard-theme-change';
function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export function ThemeToggle() {
  // null while rendered on the server, which cannot know the theme.
  const theme = useSyncExternalStore<Theme | null>(subscribe, shownTheme, () => null);

  function toggle() {
    const next: Theme = shownTheme() === 'dark' ? 'light' : 'dark';
    const followsSystem = next === systemTheme();
    try {
      if (followsSystem) localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    if (followsSystem) document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', next);
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }

  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="button ghost small theme-toggle" onClick={toggle} data-testid="theme-toggle" data-theme-shown={theme ?? undefined}>
      {theme === 'dark' ? <SunIcon width={16} height={16} /> : <MoonIcon width={16} height={16} />}
      <span className="theme-toggle-label">Use {next} theme</span>
    </button>
  );
}
