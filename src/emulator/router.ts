import type { FaultEndpoint } from './faults';
import type { EmulatorContext, EmulatorRequest, Handler } from './handlers';

/**
 * One route: its handlers by method, and the fault endpoint name it answers to (none for control routes).
 * `endpointOf` names the endpoint from the request itself: one GraphQL path serves several operations.
 */
export interface Route<C = EmulatorContext> {
  readonly methods: Readonly<Record<string, Handler<C>>>;
  readonly endpoint?: FaultEndpoint;
  readonly endpointOf?: (request: EmulatorRequest) => FaultEndpoint | undefined;
  /** Unauthenticated internal route: only non-browser JSON requests (see browserGuard.ts). */
  readonly internal?: true;
}

export type Routes<C = EmulatorContext> = ReadonlyMap<string, Route<C>>;

export type Resolution<C = EmulatorContext> =
  { readonly kind: 'found'; readonly handler: Handler<C>; readonly route: Route<C> } | { readonly kind: 'not-found' } | { readonly kind: 'method-not-allowed' };

/** Exact-path routing like the service's gorilla/mux router: unknown path → 404, known path + other method → 405. */
export function resolve<C>(routes: Routes<C>, method: string, pathname: string): Resolution<C> {
  const route = routes.get(pathname);
  if (route === undefined) return { kind: 'not-found' };
  const handler = route.methods[method];
  if (handler === undefined) return { kind: 'method-not-allowed' };
  return { kind: 'found', handler, route };
}
