/**
 * A page's back/forward list as the browser process keeps it
 * (Page.getNavigationHistory), read with the site's strings treated as
 * untrusted. Only web pages count as places to go: the about:blank every new
 * page starts on is skipped, as are non-web entries.
 */
import { untrustedText, untrustedUrl } from './untrusted';

export interface HistoryEntry {
  id: number;
  url: string;
}

export class SessionHistory {
  private entries: HistoryEntry[] = [];
  private index = 0;
  /** The committed entry's URL and title, or null when it is not a web page. */
  current: { url: string; title: string } | null = null;

  update(index: number, entries: readonly { id: number; url: string; title: string }[]): void {
    this.entries = entries.map((e) => ({ id: e.id, url: e.url }));
    this.index = index;
    const entry = entries[index];
    const url = untrustedUrl(entry?.url);
    this.current = url ? { url, title: untrustedText(entry?.title) } : null;
  }

  /** The nearest web page in a direction, or null. */
  step(direction: -1 | 1): HistoryEntry | null {
    for (let i = this.index + direction; i >= 0 && i < this.entries.length; i += direction) {
      if (untrustedUrl(this.entries[i]!.url)) return this.entries[i]!;
    }
    return null;
  }
}
