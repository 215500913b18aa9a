/**
 * The up-front part of the in-browser check (src/components/Verify.astro): shows each "Verify" button and, on the
 * first click, loads the verifier (./verify-panel.ts and src/verify/, a separate chunk no page pays for until asked).
 */
export function enableVerify(): void {
  for (const box of document.querySelectorAll<HTMLElement>(
    '.verify[data-verify-block], .verify-rows[data-verify-rows]',
  )) {
    const button = box.querySelector<HTMLButtonElement>('.verify-button');
    const status = box.querySelector<HTMLElement>('.verify-status');
    if (!button || !status || button.dataset.ready) continue;
    button.dataset.ready = 'true';
    button.hidden = false;
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = 'checking…';
      import('./verify-panel.ts')
        .then((m) => (box.dataset.verifyRows ? m.verifyRows(box, status) : m.verifyBox(box, status)))
        .catch((e: unknown) => {
          status.textContent = `failed: the verifier did not load (${(e as Error)?.message ?? String(e)})`;
        })
        .finally(() => (button.disabled = false));
    });
  }
}
