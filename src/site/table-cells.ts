/**
 * Names each cell of a table body by its column, for the stacked layout on phones (CSS shows `data-label` before
 * the cell's text): the body's HTML in, the same HTML out with `data-label` on every cell and the class `cell-first`
 * on the cells of the column to show first. Cells are counted left to right in each row (row headers included).
 */
import { parseHTML } from 'linkedom';

export function labelCells(html: string, columns: readonly string[], first?: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><table><tbody>${html}</tbody></table></body></html>`);
  const tbody = document.querySelector('tbody');
  if (!tbody) return html;
  for (const tr of tbody.querySelectorAll('tr'))
    [...tr.children].forEach((cell, i) => {
      const name = columns[i];
      if (!name) return;
      cell.setAttribute('data-label', name);
      if (name === first) cell.classList.add('cell-first');
    });
  return tbody.innerHTML;
}
