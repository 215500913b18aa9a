/**
 * Exact amounts. On chain, TAO amounts are integers in RAO (1 TAO = 1e9 RAO): they stay `bigint` through every
 * computation and become decimal numbers only for display (`formatTao`) or for plotting (`raoToTao`).
 */
import type { Figure } from '../model/schema.ts';

export const RAO_PER_TAO = 1_000_000_000n;

export function rao(decimal: string): bigint {
  if (!/^-?\d+$/.test(decimal))
    throw new TypeError(`expected an integer decimal string of RAO, received ${JSON.stringify(decimal)}`);
  return BigInt(decimal);
}

/** TAO as a JS number for plotting scales; exact to the RAO up to 9,007,199 TAO and to 1e-6 TAO beyond. */
export function raoToTao(r: bigint): number {
  const whole = r / RAO_PER_TAO;
  const frac = r % RAO_PER_TAO;
  return Number(whole) + Number(frac) / 1e9;
}

export function taoToRao(tao: number | string): bigint {
  const s = typeof tao === 'number' ? tao.toFixed(9) : tao;
  const m = /^(-?)(\d+)(?:\.(\d{0,9})\d*)?$/.exec(s);
  if (!m) throw new TypeError(`expected a decimal TAO amount, received ${JSON.stringify(tao)}`);
  const [, sign, whole, frac = ''] = m;
  const v = BigInt(whole) * RAO_PER_TAO + BigInt(frac.padEnd(9, '0'));
  return sign ? -v : v;
}

/** a / b as a float, computed exactly in bigint to 12 significant decimals first. */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) return Number.NaN;
  const SCALE = 10n ** 12n;
  return Number((a * SCALE) / b) / 1e12;
}

/** Human display: `8.61M TAO`, `450k TAO`, `12.5 TAO`. */
export function formatTao(r: bigint, digits = 3): string {
  return `${formatCompact(raoToTao(r), digits)} TAO`;
}

// one formatter for every call: `toLocaleString` with options builds a new one each time, which was the build's
// hottest function of ours (0.8 s of a build's 20 s, profiled with node --cpu-prof)
const COMPACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatCompact(x: number, digits = 3): string {
  const abs = Math.abs(x);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e4 ? [1e3, 'k'] : [1, ''];
  const v = x / div;
  return `${COMPACT.format(Number(v.toPrecision(digits)))}${suffix}`;
}

/** An amount already in TAO (a chart's number), compact: `8.61M TAO`, `450k TAO`. */
export function formatCompactTao(tao: number): string {
  return `${formatCompact(tao)} TAO`;
}

export function formatPercent(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** A signed change: `−150k TAO`, `+7.2k TAO`. */
export function formatTaoChange(r: bigint, digits = 3): string {
  return `${r < 0n ? '−' : '+'}${formatTao(r < 0n ? -r : r, digits)}`;
}

/** Display a cited figure's (or a current quantity's) value in its unit: RAO as TAO, ratios as percent, dollars. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'rao':
      return formatTao(BigInt(f.value));
    case 'ratio':
      return formatPercent(Number(f.value));
    case 'usd':
      return `$${formatCompact(Number(f.value))}`;
    default:
      return Number(f.value).toLocaleString('en-US');
  }
}
