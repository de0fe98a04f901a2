/**
 * "The whole database was replaced" (a restore): the shell reloads every screen's data and
 * shows the message. A window event, so a screen needs no handle on the shell.
 */
const EVENT = 'luudong:data-replaced';

export function announceDataReplaced(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

export function onDataReplaced(listener: (message: string) => void): () => void {
  const handle = (e: Event): void => listener((e as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
