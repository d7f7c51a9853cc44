import { describe, expect, it } from 'vitest';
import { safeName } from '../../../electron/services/export/formats/evidence-pack';

describe('evidence pack names', () => {
  it('replaces characters Windows forbids and trims trailing dots and spaces', () => {
    expect(safeName('市教育局: 首页/栏目*?')).toBe('市教育局_ 首页_栏目__');
    expect(safeName('截图. ')).toBe('截图');
    expect(safeName('a\u0001b')).toBe('a_b');
    expect(safeName('...')).toBe('未命名');
  });
});
