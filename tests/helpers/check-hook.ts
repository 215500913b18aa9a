/**
 * The build's up-front check as `astro build` runs it (src/integration.ts's `astro:config:setup` hook, before Astro
 * renders), in this process: what it prints on stderr, and that it exits with 1. A real build is needed only for
 * errors raised while rendering (tests/build/build-errors.test.ts keeps one end-to-end check failure).
 */
import { pathToFileURL } from 'node:url';
import { expect, vi } from 'vitest';
import taoproofCheck from '../../src/integration.ts';

/** Run the hook on the project at `dir`; it must exit with 1. Returns what it printed, one string per line. */
export async function checkHookFails(dir: string): Promise<string> {
  const hook = taoproofCheck().hooks['astro:config:setup'] as unknown as (o: unknown) => Promise<void>;
  const printed: string[] = [];
  const logger = { info: () => {}, warn: () => {} };
  const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void printed.push(m));
  const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw new Error(`process.exit(${code})`);
  }) as never);
  try {
    await expect(
      hook({ config: { root: pathToFileURL(`${dir}/`), markdown: {} }, logger, command: 'build' }),
    ).rejects.toThrow('process.exit(1)');
  } finally {
    error.mockRestore();
    exit.mockRestore();
  }
  return printed.join('\n');
}
