/** Open Graph images: a 1200×630 card per page, drawn as SVG and rasterised with sharp (Astro's own image library). */
import sharp from 'sharp';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Greedy word wrap for a fixed-width card. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1].replace(/\W*\w*$/, '')}…`;
  }
  return lines;
}

function ogSvg(title: string, subtitle: string, footer: string): string {
  const t = wrap(title, 30, 3).map(
    (l, i) => `<text x="72" y="${190 + i * 72}" font-size="60" font-weight="700">${esc(l)}</text>`,
  );
  const s = wrap(subtitle, 62, 3).map(
    (l, i) => `<text x="72" y="${430 + i * 40}" font-size="30" fill="#444">${esc(l)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="1200" height="630" fill="#fdfdfb"/><rect width="1200" height="14" fill="#0072B2"/>
<text x="72" y="96" font-size="30" font-weight="700" fill="#0072B2">taoproof</text>
<g fill="#1b1b1f">${t.join('')}</g>${s.join('')}
<text x="72" y="590" font-size="24" fill="#54545c">${esc(footer)}</text></svg>`;
}

export async function ogPng(title: string, subtitle: string, footer: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp(Buffer.from(ogSvg(title, subtitle, footer)))
      .png({ compressionLevel: 9 })
      .toBuffer(),
  );
}
