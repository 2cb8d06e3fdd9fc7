// The address of the browser behind a request, as this server can vouch for it: the socket's
// peer, or, behind reverse proxies named by WEB_TRUST_PROXY, the X-Forwarded-For entry the nearest
// untrusted hop added (proxy-addr, the library Express uses for the same job). An entry a browser
// wrote itself is never believed unless a trusted proxy put it there.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type TrustProxy = false | number | string[];

export function trustFunction(setting: TrustProxy): (address: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile(setting);
}

export function clientAddress(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string {
  return proxyAddr(req, trust);
}

/**
 * Replaces X-Forwarded-For with the one client address (never appends: a browser-sent value
 * would pass straight through) and drops the other headers that claim one. Next.js keeps an
 * incoming X-Forwarded-For as it is, so this must run before Next sees the request.
 */
export function setClientAddress(req: IncomingMessage, trust: (address: string, hop: number) => boolean): void {
  const address = clientAddress(req, trust);
  req.headers['x-forwarded-for'] = address;
  delete req.headers.forwarded;
  delete req.headers['x-real-ip'];
}
