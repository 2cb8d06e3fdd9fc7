// The theme choice shared by the page's boot script (app/layout.tsx, a server component) and the
// toggle (components/theme-toggle.tsx): where it is kept, and the script that applies it before
// the first paint.

export const THEME_STORAGE_KEY = 'switchyard-theme';

/** Runs in <head> before the page paints: applies a stored choice, if any. */
export const themeBootScript = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='dark'||t==='light')document.documentElement.setAttribute('data-theme',t)}catch(e){}`;
