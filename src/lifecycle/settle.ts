/**
 * Runs independent steps at the same time (file reads, a TLS handshake, an fsync each wait on something else) and
 * reports like running them one after another would: it waits until every step has settled, so no step is still
 * running when the caller moves on or cleans up, and then throws the failure of the first step in the given order
 * (so which error the user sees does not depend on timing).
 */
export async function allInOrder<T extends readonly unknown[] | []>(steps: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(steps);
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
