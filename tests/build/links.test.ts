/** Every internal link of the built site resolves: the page exists, and so does the anchor it points to. */
import { expect, test } from 'vitest';
import { brokenLinks, htmlPages } from '../helpers/dist.ts';

test('no broken internal links or anchors', () => {
  expect(htmlPages().length).toBeGreaterThan(10);
  expect(brokenLinks()).toEqual([]);
});
