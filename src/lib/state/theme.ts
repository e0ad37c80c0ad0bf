export type Theme = 'auto' | 'light' | 'dark';

const KEY = 'annoqa.theme';

/** The saved theme (local to this browser), `auto` following the system setting by default. */
export function savedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** Applies and saves a theme: `data-theme` on <html> switches the CSS variables. */
export function applyTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  localStorage.setItem(KEY, theme);
}

export function nextTheme(theme: Theme): Theme {
  return theme === 'auto' ? 'light' : theme === 'light' ? 'dark' : 'auto';
}
