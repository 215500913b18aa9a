/**
 * The in-browser check, loaded on the first click of a "Verify" button (src/client/verify.ts): fetch the block's
 * proof file from the site, check it (src/verify/: the header hashes to the block's hash and carries its number,
 * the item's key is walked under the header's state root, the value decoded and compared to the number shown), and
 * say in the control's status line what was verified or exactly what failed. Then offer to ask a Finney node the
 * reader picks for the block's hash.
 */
import { describe } from '../verify/claim.ts';
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
