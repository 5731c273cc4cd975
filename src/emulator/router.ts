import type { FaultEndpoint } from './faults';
import type { Handler } from './handlers';

/** One route: its handlers by method, and the fault endpoint name it answers to (none for control routes). */
export interface Route {
  readonly methods: Readonly<Record<string, Handler>>;
  readonly endpoint?: FaultEndpoint;
  /** Unauthenticated internal route: only non-browser JSON requests (see browserGuard.ts). */
  readonly internal?: true;
}

export type Routes = ReadonlyMap<string, Route>;

export type Resolution =
  | { readonly kind: 'found'; readonly handler: Handler; readonly endpoint?: FaultEndpoint; readonly internal?: true }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed' };

/** Exact-path routing like the service's gorilla/mux router: unknown path → 404, known path + other method → 405. */
export function resolve(routes: Routes, method: string, pathname: string): Resolution {
  const route = routes.get(pathname);
  if (route === undefined) return { kind: 'not-found' };
  const handler = route.methods[method];
  if (handler === undefined) return { kind: 'method-not-allowed' };
  return { kind: 'found', handler, endpoint: route.endpoint, internal: route.internal };
}
