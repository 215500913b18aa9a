/**
 * The verdict vocabulary: the four verdicts a checkable claim can get, and the shape of a verdict function's result as
 * the build's up-front check (src/checks/verdicts.ts) validates it. The functions themselves, and the TypeScript
 * contract they implement (`VerdictFn`, `VerdictResult`), are in src/claims/.
 */
import { z } from 'zod';

export const VERDICTS = ['supported', 'partly supported', 'contradicted', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VerdictName = z.enum(VERDICTS);

/** One piece of evidence as a verdict returns it: checked loosely (its sources' own schema is in ./schema.ts). */
const EvidenceShape = z.object({
  label: z.string().min(1),
  value: z.string(),
  formula: z.string().optional(),
  sources: z.array(z.object({ kind: z.string() }).loose()),
});

/** A verdict function's result, as the build checks it before rendering (extra fields such as flipCondition pass). */
export const VerdictResultShape = z
  .object({
    verdict: VerdictName,
    reason: z.string().min(1, 'expected a sentence saying why'),
    evidence: z.array(EvidenceShape),
  })
  .loose();
