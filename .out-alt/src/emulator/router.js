"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolve = resolve;
/** Exact-path routing like the service's gorilla/mux router: unknown path → 404, known path + other method → 405. */
function resolve(routes, method, pathname) {
    const route = routes.get(pathname);
    if (route === undefined)
        return { kind: 'not-found' };
    const handler = route.methods[method];
    if (handler === undefined)
        return { kind: 'method-not-allowed' };
    return { kind: 'found', handler, route };
}
//# sourceMappingURL=router.js.map