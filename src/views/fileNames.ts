/**
 * The file name suggested for a new certificate: the application's name (the CN the token's answer asks for), made
 * safe as a file name, and not one already taken in the folder. Pure; the command checks the folder through `taken`.
 */
export function suggestedFileName(applicationName: string, taken: (name: string) => boolean): string {
  // Application names are Kubernetes names (a-z, 0-9, -), but the CN comes from a server: keep it a plain name.
  const base =
    applicationName
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+/, '') || 'client';
  if (!taken(base)) return base;
  for (let n = 2; n < 100; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
  return base;
}
