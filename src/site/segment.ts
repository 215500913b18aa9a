/**
 * Word segmentation for search. Japanese has no spaces, so Pagefind would index a whole sentence as one "word";
 * Intl.Segmenter (ICU's dictionary segmenter, in Node and in browsers) splits it into words. The build puts a
 * segmented copy of each Japanese text beside it (hidden from readers), and the search page segments the query the
 * same way. The copy is fenced by two marker words so the search page can leave it out of result excerpts: readers
 * see the original sentence, the index sees its words.
 */
export const INDEX_COPY_OPEN = '⸤';
export const INDEX_COPY_CLOSE = '⸥';

function segmentJa(text: string): string {
  const seg = new Intl.Segmenter('ja', { granularity: 'word' });
  return [...seg.segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join(' ');
}

/** The hidden, indexed copy of a Japanese text: its words, fenced by the markers and spaced off the original. */
export function indexCopy(text: string): string {
  return ` ${INDEX_COPY_OPEN} ${segmentJa(text)} ${INDEX_COPY_CLOSE} `;
}
