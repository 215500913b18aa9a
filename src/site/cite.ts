/**
 * "Cite this": a page of the report cited at the version it was built from (./version.ts), in plain text, BibTeX
 * and CSL-JSON. A verdict can change overnight with new data, so every form names the site's commit, the data's
 * block and hash (or that the data are cited figures with no block) and the build date.
 */
import { dataLabel, shortCommit, type SiteVersion } from './version.ts';

export interface Citable {
  /** the page's title, e.g. "C06: 5.38M TAO mined before subnets" */
  title: string;
  /** its absolute address */
  url: string;
  /** a short key for BibTeX and CSL-JSON, e.g. "C06" or "report" */
  key: string;
}

export interface Citation {
  plain: string;
  bibtex: string;
  csl: string;
}

export const AUTHOR = 'taoproof';

/** The version in words: "site commit 0123456789ab, cited figures up to 2025-12-14, no chain block, built 2026-12-02". */
export function versionText(v: SiteVersion): string {
  return `site commit ${shortCommit(v)}${v.dirty ? ' with local changes' : ''}, ${dataLabel(v)}, built ${v.built}`;
}

const bibEscape = (s: string) => s.replace(/([{}&%$#_])/g, '\\$1');

export function cite(page: Citable, v: SiteVersion): Citation {
  const [year, month, day] = v.built.split('-').map(Number);
  const version = versionText(v);
  const dataNote =
    v.data.block !== null && v.data.hash !== null
      ? `data: ${v.data.kind}, block ${v.data.block}, hash ${v.data.hash}`
      : `data: ${v.data.asOf}, no chain block`;
  const note = `Version: site commit ${v.commit ?? 'unknown'}${v.dirty ? ' (with local changes)' : ''}; ${dataNote}; built ${v.built}.`;
  const plain = `${AUTHOR} (${year}). “${page.title}”. ${AUTHOR}, ${version}. ${page.url} (accessed ${v.built}).`;
  const bibtex = [
    `@misc{${AUTHOR}-${page.key}-${shortCommit(v)},`,
    `  author = {{${AUTHOR}}},`,
    `  title = {${bibEscape(page.title)}},`,
    `  year = {${year}},`,
    `  howpublished = {\\url{${page.url}}},`,
    `  version = {${v.commit ?? 'unknown'}},`,
    `  note = {${bibEscape(note)}},`,
    `  urldate = {${v.built}}`,
    `}`,
  ].join('\n');
  const csl = JSON.stringify(
    [
      {
        id: `${AUTHOR}-${page.key}-${shortCommit(v)}`,
        type: 'webpage',
        title: page.title,
        author: [{ literal: AUTHOR }],
        'container-title': AUTHOR,
        URL: page.url,
        version: v.commit ?? 'unknown',
        note,
        issued: { 'date-parts': [[year, month, day]] },
        accessed: { 'date-parts': [[year, month, day]] },
      },
    ],
    null,
    2,
  );
  return { plain, bibtex, csl };
}
