/**
 * The id primitives are declared once, in src/model/ids.ts: every schema and check that names a claim or a date uses
 * them, so a claim id the register accepts is one the verdict registry, the corrections log, the replies, the data
 * versions and the cited figures accept too, and no file writes its own pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectVerdicts } from '../../src/claims/registry.ts';
import { Correction } from '../../src/model/corrections.ts';
import { Reply } from '../../src/model/replies.ts';
import { Claim } from '../../src/model/content.ts';
import { CLAIM_ID, ClaimId, ISO_DATE, IsoDate } from '../../src/model/ids.ts';
import { Figure } from '../../src/model/schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('ids', () => {
  test('no file of src/ or scripts/ but src/model/id-patterns.ts writes a claim-id, line-id or date pattern of its own', () => {
    const own = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts'))]
      .filter((f) => !f.endsWith('src/model/id-patterns.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /[Cp]\\d\{2\}|\/\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$\//.test(line) ? [`${relative(ROOT, f)}:${i + 1}`] : [],
          ),
      );
    expect(own).toEqual([]);
  });

  test('the verdict registry and every schema that names a claim accept and refuse the same ids', () => {
    const fn = () => null;
    for (const id of ['C07', 'C41', 'C100', 'C7', 'c07']) {
      const ok = CLAIM_ID.test(id);
      expect(ClaimId.safeParse(id).success, id).toBe(ok);
      if (ok) expect(() => collectVerdicts({ staking: { [id]: fn } })).not.toThrow();
      else expect(() => collectVerdicts({ staking: { [id]: fn } })).toThrow(`export ${id}`);
      const claim = Claim.shape.id.safeParse(id).success;
      const reply = Reply.shape.claim.safeParse(id).success;
      const figure = Figure.shape.claims.safeParse([id]).success;
      const correction = Correction.safeParse({
        date: '2026-01-01',
        kind: 'verdict',
        claim: id,
        old: 'supported',
        new: 'contradicted',
        why: 'a reason of twenty characters or more',
        code: null,
      }).success;
      expect({ claim, reply, figure, correction }, id).toEqual({ claim: ok, reply: ok, figure: ok, correction: ok });
    }
  });

  test('a date is YYYY-MM-DD everywhere, with one message', () => {
    expect(ISO_DATE.test('2026-12-02')).toBe(true);
    expect(ISO_DATE.test('2026-12-2')).toBe(false);
    expect(IsoDate.safeParse('2026-12-2').error?.issues[0].message).toBe('expected a date YYYY-MM-DD');
    expect(Reply.shape.date.safeParse('2026-12-2').error?.issues[0].message).toBe('expected a date YYYY-MM-DD');
  });
});
