/**
 * The licences (issue 18): the code is MIT (LICENSE); the report's text, translations, data and charts are CC BY 4.0
 * (LICENSE-content). The article itself stays its author's: it is quoted line by line for review and comment. Said on
 * About and /data/, and carried by each JSON download as a `licence` field.
 */

export const CONTENT_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const CODE_LICENCE = { name: 'MIT', file: 'LICENSE' } as const;

/** How to attribute a reuse of the report's text, translations, data or charts. */
export function attribution(home: string): string {
  return `taoproof (${home}), licensed CC BY 4.0; name the version you used (site commit and data block, in every page's footer)`;
}

/** The `licence` field of a JSON download. */
export function licenceField(home: string) {
  return {
    ...CONTENT_LICENCE,
    attribution: attribution(home),
    note: "The article's text (by @0xLogicrw, quoted in Japanese machine translation) remains its author's: it is quoted for review and comment, not licensed. Cited figures remain their publishers'.",
  };
}
