import type { Envelope, MethodName, Params, Result, RpcError } from '../../src-main/api/contract';

interface DesktopApi {
  call: (method: string, params: unknown) => Promise<Envelope<unknown>>;
  onEvent: (listener: (event: unknown) => void) => () => void;
}

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

export class RpcFailure extends Error {
  readonly code: RpcError['code'];
  readonly details: unknown;
  constructor(error: RpcError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

const TOKEN_KEY = 'luudong.token';

/** Web mode: the per-launch token arrives in the URL once, then lives in this tab's session. */
function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

// Taken from the URL as soon as the page's code runs, before anything renders.
const token: string = window.api ? '' : webToken();

async function webCall(method: string, params: unknown): Promise<Envelope<unknown>> {
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-luudong-token': token },
    body: JSON.stringify({ method, params }),
  });
  return (await res.json()) as Envelope<unknown>;
}

/** A window event after every call that may have changed data: every loaded view reloads (useRpc). */
export const DATA_CHANGED = 'luudong:data-changed';
/** Calls that only read, by the last part of their name; any other call may write. */
const READS = /^(get|list|peek|status|progress|day|info|suggest|options|changes|template|brief|communes|provinces|export|table|dependents|preview|importPreview|minExtraStatus)$/;
export const isRead = (method: string): boolean => READS.test(method.slice(method.lastIndexOf('.') + 1));

export async function call<M extends MethodName>(method: M, ...args: keyof Params<M> extends never ? [Params<M>?] : [Params<M>]): Promise<Result<M>> {
  const params = args[0] ?? {};
  const envelope = window.api ? await window.api.call(method, params) : await webCall(method, params);
  if (!envelope.ok) throw new RpcFailure(envelope.error);
  // An undo, a save, an import ...: whatever shows the data loads it again, the page header included.
  if (!isRead(method)) window.dispatchEvent(new Event(DATA_CHANGED));
  return envelope.value as Result<M>;
}

/** Web mode: a single-use events ticket, asked for with the token (which never goes in a URL). */
async function eventsTicket(): Promise<string | null> {
  try {
    const res = await fetch('/events/ticket', { method: 'POST', headers: { 'x-luudong-token': token } });
    const envelope = (await res.json()) as Envelope<{ ticket: string }>;
    return envelope.ok ? envelope.value.ticket : null;
  } catch {
    return null;
  }
}

type AppEvent = { topic: string; payload: unknown };

/** Progress events from long tasks (planning runs). Returns an unsubscribe function. */
export function onEvent(listener: (event: AppEvent) => void): () => void {
  if (window.api) return window.api.onEvent((e) => listener(e as AppEvent));
  let source: EventSource | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // A ticket opens one stream once: when the stream breaks (the browser would retry with the spent ticket), a new one is fetched.
  const open = async (): Promise<void> => {
    const ticket = await eventsTicket();
    if (stopped) return;
    if (!ticket) {
      retry = setTimeout(() => void open(), 2000);
      return;
    }
    source = new EventSource(`/events?ticket=${encodeURIComponent(ticket)}`);
    source.onmessage = (m: MessageEvent<string>) => listener(JSON.parse(m.data) as AppEvent);
    source.onerror = () => {
      source?.close();
      if (!stopped) retry = setTimeout(() => void open(), 1000);
    };
  };
  void open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
