/**
 * Word segmentation for search. Japanese has no spaces, so Pagefind would index a whole sentence as one "word";
 * Intl.Segmenter (ICU's dictionary segmenter, in Node and in browsers) splits it into words. The build puts the
 * segmented text in an attribute Pagefind indexes, and the search page segments the query the same way.
 */
export function segmentJa(text: string): string {
  const seg = new Intl.Segmenter('ja', { granularity: 'word' });
  return [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment).join(' ');
}
