/** One occurrence of a pattern: which one, and where (`end` exclusive). */
export interface PatternHit {
  pattern: number;
  start: number;
  end: number;
}

/**
 * Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * every pattern in one pass over the text, however long the word list.
 */
export class AhoCorasick {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly out: number[][] = [[]];

  constructor(private readonly patterns: readonly string[]) {
    patterns.forEach((p, index) => {
      if (!p) return;
      let state = 0;
      for (let i = 0; i < p.length; i++) state = this.step(state, p[i]!);
      this.out[state]!.push(index);
    });
    this.link();
  }

  private step(state: number, unit: string): number {
    let to = this.next[state]!.get(unit);
    if (to === undefined) {
      to = this.next.length;
      this.next.push(new Map());
      this.fail.push(0);
      this.out.push([]);
      this.next[state]!.set(unit, to);
    }
    return to;
  }

  /** Breadth first, so each state's failure target is already linked when the state is reached. */
  private link(): void {
    const queue = [...this.next[0]!.values()];
    for (let i = 0; i < queue.length; i++) {
      const state = queue[i]!;
      for (const [unit, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(unit)) f = this.fail[f]!;
        const target = this.next[f]!.get(unit);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included, ordered by where they end. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text[i]!;
      while (state !== 0 && !this.next[state]!.has(unit)) state = this.fail[state]!;
      state = this.next[state]!.get(unit) ?? 0;
      for (const p of this.out[state]!) hits.push({ pattern: p, start: i + 1 - this.patterns[p]!.length, end: i + 1 });
    }
    return hits;
  }
}
