import { toHalfWidth } from './normalize';

/**
 * A site address as units write it ("www.zhanjiang.gov.cn ", "HTTP://Www.X.gov.cn/")
 * in one form: scheme added when missing (http, and said so), host lower-cased.
 * Returns undefined for text that is no web address at all.
 */
export function normalizeSiteUrl(raw: string): { url: string; addedScheme: boolean } | undefined {
  const text = toHalfWidth(raw).replace(/\s+/gu, '');
  if (!text) return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !/^\d+\.\d+\.\d+\.\d+$/u.test(url.hostname)) return undefined;
  return { url: url.toString(), addedScheme: !hasScheme };
}
