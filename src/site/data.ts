/** Build-time access to the validated data, read once per build. */
import type { ChartData } from '../charts/types.ts';
import { loadReferenceYaml, loadSnapshot } from '../data/load.ts';

let cached: ChartData | undefined;

export function siteData(): ChartData {
  cached ??= { snapshot: loadSnapshot(), reference: loadReferenceYaml() };
  return cached;
}

/** A path under the site's base, e.g. url('data/snapshot.json'). */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}
