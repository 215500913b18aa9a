/**
 * Stands in for d3-geo in the browser bundle (the alias is in astro.config.mjs). Observable Plot imports d3-geo for
 * map projections and geo marks, which no chart of this site uses: the real module added about 13 KB gzipped to every
 * essay page's JavaScript. Plot only calls these with a `projection` option or a geo mark; if a chart ever asks for
 * one, the call throws with this file's name instead of drawing a wrong chart. The build's inline SVGs are drawn in
 * Node with the real d3-geo.
 */
function missing(): never {
  throw new Error('d3-geo is left out of the browser bundle (src/client/no-geo.ts): charts draw no maps');
}

export const geoAlbers = missing;
export const geoAlbersUsa = missing;
export const geoAzimuthalEqualArea = missing;
export const geoAzimuthalEquidistant = missing;
export const geoCentroid = missing;
export const geoClipRectangle = missing;
export const geoConicConformal = missing;
export const geoConicEqualArea = missing;
export const geoConicEquidistant = missing;
export const geoEqualEarth = missing;
export const geoEquirectangular = missing;
export const geoGnomonic = missing;
export const geoGraticule10 = missing;
export const geoMercator = missing;
export const geoOrthographic = missing;
export const geoPath = missing;
export const geoStereographic = missing;
export const geoStream = missing;
// Plot makes one transform when its module loads (reflectY, for projections): that must not throw, its use does
export const geoTransform = () => ({ stream: missing });
export const geoTransverseMercator = missing;
