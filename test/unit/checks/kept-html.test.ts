import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeptHtml } from '../../../electron/services/checks/kept-html';

describe('kept HTML within a byte budget', () => {
  it('gives back the text it kept, compressed, and refuses pages beyond the budget', () => {
    const kept = new KeptHtml(20_000);
    const pages = Array.from({ length: 50 }, (_, i) => ({ url: `/p${i}`, html: undefined as string | undefined }));
    // Text that compresses like real pages do, not like one sentence repeated.
    const texts = pages.map(
      (_, i) => `<html><body><p>第${i}页</p>${[...randomBytes(3000)].map((b) => String.fromCharCode(0x4e00 + b)).join('')}</body></html>`,
    );
    const accepted = pages.map((p, i) => kept.keep(p, texts[i]!));
    // Each page is ~9 kB of UTF-8; compressed, a few fit in 20 kB, not all 50.
    expect(accepted.filter(Boolean).length).toBeGreaterThan(1);
    expect(accepted.filter(Boolean).length).toBeLessThan(50);
    expect(kept.bytes).toBeLessThanOrEqual(20_000);
    pages.forEach((p, i) => expect(p.html).toBe(accepted[i] ? texts[i] : undefined));
    // Read in any order, several times.
    expect(pages[3]!.html).toBe(texts[3]);
    expect(pages[0]!.html).toBe(texts[0]);
    expect(JSON.parse(JSON.stringify(pages[1])).html).toBe(texts[1]);
  });
});
