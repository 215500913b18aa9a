/** The essays in reading order (drafts left out), and the ids of the sources each one cites, in order. */
import { getCollection, type CollectionEntry } from 'astro:content';

export async function essays(): Promise<CollectionEntry<'essays'>[]> {
  return (await getCollection('essays', (e) => !e.data.draft)).sort((a, b) => a.data.order - b.data.order);
}

/** Draft essays (`draft: true`): built for preview at /essays/<slug>/, never listed; left out of a production build. */
export async function draftEssays(): Promise<CollectionEntry<'essays'>[]> {
  return process.env.TAOPROOF_PRODUCTION === '1' ? [] : getCollection('essays', (e) => e.data.draft);
}

/** Source ids in order of first <Cite id> in the essay's body. */
export function citationOrder(body: string | undefined): string[] {
  const ids: string[] = [];
  for (const m of (body ?? '').matchAll(/<Cite\s+id=["']([^"']+)["']/g)) if (!ids.includes(m[1])) ids.push(m[1]);
  return ids;
}
