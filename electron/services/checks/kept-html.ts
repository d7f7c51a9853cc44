import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The crawl's kept pages within a byte budget. A page's HTML is kept
 * compressed (government pages shrink five to ten times) and inflated when a
 * detector reads it; the last page read stays inflated, because detectors
 * walk pages in order and read each one several times. Once the budget is
 * spent, later pages keep no HTML and the caller says which.
 */
export class KeptHtml {
  private used = 0;
  private lastKey: Buffer | undefined;
  private lastText = '';

  constructor(private readonly budgetBytes: number) {}

  /** Bytes of compressed HTML kept so far. */
  get bytes(): number {
    return this.used;
  }

  /**
   * Gives `page` an `html` property that reads the kept text; false (and no
   * property) when the budget has no room for it.
   */
  keep(page: object, html: string): boolean {
    const packed = deflateRawSync(Buffer.from(html, 'utf8'), { level: 1 });
    if (this.used + packed.length > this.budgetBytes) return false;
    this.used += packed.length;
    Object.defineProperty(page, 'html', { enumerable: true, configurable: true, get: () => this.read(packed) });
    return true;
  }

  private read(packed: Buffer): string {
    if (this.lastKey !== packed) {
      this.lastText = inflateRawSync(packed).toString('utf8');
      this.lastKey = packed;
    }
    return this.lastText;
  }
}
