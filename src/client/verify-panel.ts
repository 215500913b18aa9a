/**
 * The in-browser check, loaded on the first click of a "Verify" button (src/client/verify.ts): fetch the block's
 * proof file from the site, check it (src/verify/: the header hashes to the block's hash and carries its number,
 * the item's key is walked under the header's state root, the value decoded and compared to the number shown), and
 * say in the control's status line what was verified or exactly what failed. Then offer to ask a Finney node the
 * reader picks for the block's hash.
 */
import { raoToTao } from '../metrics/amount.ts';
import { describe, provenFor } from '../verify/claim.ts';
import { blockHashFrom, PUBLIC_ENDPOINTS } from '../verify/endpoint.ts';
import { verifyProofFile } from '../verify/proof-file.ts';

const LIST_ID = 'verify-endpoints';

function say(status: HTMLElement, ok: boolean, message: string): void {
  status.dataset.result = ok ? 'verified' : 'failed';
  status.textContent = message;
}

/** Check the number of the control `box`, reporting in `status`. */
export async function verifyBox(box: HTMLElement, status: HTMLElement): Promise<void> {
  const block = Number(box.dataset.verifyBlock);
  const hash = box.dataset.verifyHash ?? '';
  const item = box.dataset.verifyItem ?? '';
  const raw = box.dataset.verifyValue;
  const link = box.querySelector<HTMLAnchorElement>('a.verify-proof');
  if (!link) return say(status, false, 'failed: no proof file is linked');
  const where = new URL(link.href).pathname.replace(/^.*?(data\/proofs\/)/, '$1');
  try {
    const res = await fetch(link.href, { cache: 'no-store' });
    if (!res.ok) throw new Error(`${where}: the site answered HTTP ${res.status}`);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new Error(`${where}: not JSON`);
    }
    const proven = verifyProofFile(json, block, hash, where);
    const r = describe(proven, { item, value: raw === undefined ? undefined : raw === 'absent' ? null : raw });
    say(status, r.ok, r.message);
    if (r.ok) askForm(box, block, hash);
  } catch (e) {
    say(status, false, `failed: ${(e as Error).message}`);
  }
}

/** The second step: a form asking a node of the reader's choice for block `block`'s hash. */
function askForm(box: HTMLElement, block: number, hash: string): void {
  if (box.querySelector('.verify-ask')) return;
  if (!document.getElementById(LIST_ID)) {
    const list = document.createElement('datalist');
    list.id = LIST_ID;
    for (const e of PUBLIC_ENDPOINTS) list.append(new Option(`run by the ${e.operator}`, e.url));
    document.body.append(list);
  }
  const form = document.createElement('span');
  form.className = 'verify-ask';
  const label = document.createElement('label');
  label.textContent = `Ask a Finney node for the hash of block ${block.toLocaleString('en-US')}: `;
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'url';
  input.spellcheck = false;
  input.setAttribute('list', LIST_ID);
  input.value = PUBLIC_ENDPOINTS[0].url;
  label.append(input);
  const ask = document.createElement('button');
  ask.type = 'button';
  ask.textContent = 'Ask';
  const note = document.createElement('small');
  note.textContent = ` Offered: ${PUBLIC_ENDPOINTS.map((e) => new URL(e.url).host).join(' and ')}, both run by the Opentensor Foundation, the party the article criticises; type another endpoint (your own node, or another operator's) to ask someone else.`;
  const result = document.createElement('span');
  result.className = 'verify-status';
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  ask.addEventListener('click', () => {
    const endpoint = input.value.trim();
    const operator = PUBLIC_ENDPOINTS.find((e) => e.url === endpoint)?.operator ?? 'an operator you chose';
    ask.disabled = true;
    result.textContent = `asking ${endpoint}…`;
    blockHashFrom(endpoint, block)
      .then((theirs) =>
        theirs === hash.toLowerCase()
          ? say(
              result,
              true,
              `matches: ${endpoint} (${operator}) gives block ${block.toLocaleString('en-US')} the hash ${theirs}.`,
            )
          : say(
              result,
              false,
              `differs: ${endpoint} (${operator}) gives block ${block.toLocaleString('en-US')} the hash ${theirs}, the site ${hash}.`,
            ),
      )
      .catch((e: unknown) => say(result, false, `could not ask: ${(e as Error).message}`))
      .finally(() => (ask.disabled = false));
  });
  form.append(' ', label, ' ', ask, note, ' ', result);
  box.append(form);
}

/** A chart row as published in data/charts/<id>.json (the provenance columns and the plotted value). */
interface ChartRow {
  origin?: string;
  block?: number | null;
  hash?: string | null;
  item?: string | null;
  value?: number | null;
  unit?: string;
  date?: string | null;
  series?: string;
}

/** Whether a plotted number is the proven raw value: TAO and alpha as RAO / 1e9 (to 1e-6), others as they are. */
function plotted(row: ChartRow, proven: string): boolean {
  if (typeof row.value !== 'number') return false;
  const raw = BigInt(proven);
  if (row.unit === 'TAO' || row.unit === 'alpha') return Math.abs(raoToTao(raw) - row.value) <= 1e-6;
  return Number(raw) === row.value;
}

/**
 * Verify every chain row of a chart's table (the control `box`, whose `data-verify-rows` is the chart's JSON):
 * each row's item under its block's proof file, its plotted value against the proven one. Rows computed from
 * several items (a formula) are counted, not checked.
 */
export async function verifyRows(box: HTMLElement, status: HTMLElement): Promise<void> {
  const dataUrl = box.dataset.verifyRows ?? '';
  try {
    const res = await fetch(dataUrl, { cache: 'no-store' });
    if (!res.ok) throw new Error(`${dataUrl}: the site answered HTTP ${res.status}`);
    const rows = ((await res.json()) as { rows?: ChartRow[] }).rows ?? [];
    const chain = rows.filter((r) => typeof r.block === 'number' && typeof r.hash === 'string' && r.item);
    const base = new URL(dataUrl, location.href);
    const blocks = new Map<string, ReturnType<typeof verifyProofFile>>();
    let verified = 0;
    let computed = 0;
    const failures: string[] = [];
    for (const r of chain) {
      const block = r.block as number;
      const hash = r.hash as string;
      const where = `data/proofs/${block}.json`;
      const label = `${r.date ?? ''} ${r.series ?? ''}`.trim();
      try {
        let proven = blocks.get(hash);
        if (!proven) {
          const p = await fetch(new URL(`../proofs/${block}.json`, base), { cache: 'no-store' });
          if (!p.ok) throw new Error(`${where}: the site answered HTTP ${p.status}`);
          proven = verifyProofFile(await p.json(), block, hash, where);
          blocks.set(hash, proven);
        }
        let value: string | null;
        try {
          value = provenFor(proven, { item: r.item as string }).proven;
        } catch (e) {
          if (/does not read the item/.test((e as Error).message)) {
            computed++;
            continue;
          }
          throw e;
        }
        if (value !== null && plotted(r, value)) verified++;
        else
          failures.push(
            `${label}: the table shows ${r.value ?? 'no value'}, the proof ${value ?? 'no value'} (${r.item})`,
          );
      } catch (e) {
        failures.push(`${label}: ${(e as Error).message}`);
      }
    }
    const checked = `${verified} of ${chain.length - computed} chain rows verified in the state of their blocks (${blocks.size} proof files)`;
    const rest = computed ? `; ${computed} rows computed from several items not checked here` : '';
    if (!failures.length) say(status, true, `verified: ${checked}${rest}.`);
    else
      say(
        status,
        false,
        `failed: ${checked}${rest}. ${failures.slice(0, 3).join('; ')}${failures.length > 3 ? `; and ${failures.length - 3} more` : ''}.`,
      );
  } catch (e) {
    say(status, false, `failed: ${(e as Error).message}`);
  }
}
