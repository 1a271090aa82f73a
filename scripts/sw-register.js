// Registers the offline service worker (release builds only: added by
// scripts/post-build.mjs). Without it the app still works, online.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: './' });
}
