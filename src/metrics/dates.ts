/** Dates the metrics measure from, each with its citation in content/reference.yaml (events `dtao`, `article`). */

/** dTAO went live on Finney (subtensor spec 233, 2025-02-13). */
export const DTAO_DATE = '2025-02-13';

/** The article's date: its figures describe the chain on 2025-04-17. */
export const ARTICLE_DATE = '2025-04-17';

/** Blocks per day at 12-second blocks. */
export const BLOCKS_PER_DAY = 7_200n;
