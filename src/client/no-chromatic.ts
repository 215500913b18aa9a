/**
 * Stands in for d3-scale-chromatic in the browser bundle (src/client/client-build.ts swaps it in). Plot imports its
 * named colour schemes and interpolators for colour scales given no explicit range; every colour scale of this site
 * names its range (emission-split, governance-power, staked-liquid), so none is used, and the real module added about
 * 6.7 KB gzipped to every essay page. Plot files the schemes in tables when its module loads (which must not throw);
 * using one, by a colour scale without a range, throws with this file's name instead of drawing other colours than
 * the build's SVG. The build's inline SVGs are drawn in Node with the real module.
 */
function missing(): never {
  throw new Error(
    'd3-scale-chromatic is left out of the browser bundle (src/client/no-chromatic.ts): give the colour scale a range',
  );
}

/** a scheme (an array of colours, or of arrays by size): any read of it throws */
const scheme: readonly string[] = new Proxy([], { get: missing });

export const interpolateBlues = missing;
export const interpolateBrBG = missing;
export const interpolateBuGn = missing;
export const interpolateBuPu = missing;
export const interpolateCividis = missing;
export const interpolateCool = missing;
export const interpolateCubehelixDefault = missing;
export const interpolateGnBu = missing;
export const interpolateGreens = missing;
export const interpolateGreys = missing;
export const interpolateInferno = missing;
export const interpolateMagma = missing;
export const interpolateOrRd = missing;
export const interpolateOranges = missing;
export const interpolatePRGn = missing;
export const interpolatePiYG = missing;
export const interpolatePlasma = missing;
export const interpolatePuBu = missing;
export const interpolatePuBuGn = missing;
export const interpolatePuOr = missing;
export const interpolatePuRd = missing;
export const interpolatePurples = missing;
export const interpolateRainbow = missing;
export const interpolateRdBu = missing;
export const interpolateRdGy = missing;
export const interpolateRdPu = missing;
export const interpolateRdYlBu = missing;
export const interpolateRdYlGn = missing;
export const interpolateReds = missing;
export const interpolateSinebow = missing;
export const interpolateSpectral = missing;
export const interpolateTurbo = missing;
export const interpolateViridis = missing;
export const interpolateWarm = missing;
export const interpolateYlGn = missing;
export const interpolateYlGnBu = missing;
export const interpolateYlOrBr = missing;
export const interpolateYlOrRd = missing;

export const schemeAccent = scheme;
export const schemeBlues = scheme;
export const schemeBrBG = scheme;
export const schemeBuGn = scheme;
export const schemeBuPu = scheme;
export const schemeCategory10 = scheme;
export const schemeDark2 = scheme;
export const schemeGnBu = scheme;
export const schemeGreens = scheme;
export const schemeGreys = scheme;
export const schemeObservable10 = scheme;
export const schemeOrRd = scheme;
export const schemeOranges = scheme;
export const schemePRGn = scheme;
export const schemePaired = scheme;
export const schemePastel1 = scheme;
export const schemePastel2 = scheme;
export const schemePiYG = scheme;
export const schemePuBu = scheme;
export const schemePuBuGn = scheme;
export const schemePuOr = scheme;
export const schemePuRd = scheme;
export const schemePurples = scheme;
export const schemeRdBu = scheme;
export const schemeRdGy = scheme;
export const schemeRdPu = scheme;
export const schemeRdYlBu = scheme;
export const schemeRdYlGn = scheme;
export const schemeReds = scheme;
export const schemeSet1 = scheme;
export const schemeSet2 = scheme;
export const schemeSet3 = scheme;
export const schemeSpectral = scheme;
export const schemeTableau10 = scheme;
export const schemeYlGn = scheme;
export const schemeYlGnBu = scheme;
export const schemeYlOrBr = scheme;
export const schemeYlOrRd = scheme;
