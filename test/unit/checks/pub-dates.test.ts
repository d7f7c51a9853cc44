import { describe, expect, it } from 'vitest';
import { beijingDay, datedItems, pageDate, publicationDates } from '../../../electron/services/checks/pub-dates';

const asOf = new Date('2024-03-20T00:00:00Z');
const days = (ds: Date[]) => ds.map((d) => d.toISOString().slice(0, 10));

describe('publication dates as CMSs write them', () => {
  it('reads 2024-03-05, 2024年3月5日, 2024/03/05, 2024.03.05 and skips impossible and later dates', () => {
    const html = '<body><p>2024-03-05</p><p>2024年3月4日</p><p>2024/03/03</p><p>2024.03.02</p><p>2024-02-30</p><p>2024-03-21</p></body>';
    expect(days(publicationDates(html, asOf))).toEqual(['2024-03-05', '2024-03-04', '2024-03-03', '2024-03-02']);
  });

  it('takes a bare [03-05] from a list row, with the year from the item address or the monitoring date', () => {
    const html =
      '<ul><li><a href="/gzdt/2023/1228/1.html">年终总结</a> [12-28]</li><li><a href="/a/1.html">春耕</a>[03-11]</li><li><a href="/a/2.html">今冬</a><span>12-30</span></li></ul>';
    expect(datedItems(html, asOf).map((i) => [i.href, i.date.toISOString().slice(0, 10)])).toEqual([
      ['/gzdt/2023/1228/1.html', '2023-12-28'],
      ['/a/1.html', '2024-03-11'],
      // After the monitoring date in 2024, so last year's.
      ['/a/2.html', '2023-12-30'],
    ]);
  });

  it('never takes a header clock, a date widget, a copyright line or the footer for a publication date', () => {
    const html = `<body><div class="top">今天是：2024年03月20日 星期三</div><span id="localtime">2024-03-19</span><p>2024.03.18. 星期一</p>
      <span class="weather">2024年3月17日 多云</span><ul><li><a href="/1.html">要闻</a><span>2024-01-02</span></li></ul>
      <p>Copyright © 2024-03-16</p><div class="footer">更新时间：2024-03-15</div></body>`;
    expect(days(publicationDates(html, asOf))).toEqual(['2024-01-02']);
  });

  it('dates an article by the date under its title, not by newer related links', () => {
    const html =
      '<body><h1>关于做好防汛工作的通知</h1><div>发布时间：2024-03-01</div><p>正文</p><ul><li><a href="/2.html">相关</a>2024-03-15</li></ul></body>';
    expect(pageDate(html, 'article', asOf)?.toISOString().slice(0, 10)).toBe('2024-03-01');
    expect(pageDate(html, 'column', asOf)?.toISOString().slice(0, 10)).toBe('2024-03-15');
    const weekday = '<body><div>今天是：2024年03月20日 星期三</div><h1>通知</h1><div>发布日期：2024年3月5日 星期二</div></body>';
    expect(pageDate(weekday, 'article', asOf)?.toISOString().slice(0, 10)).toBe('2024-03-05');
  });

  it('counts the monitoring day in Beijing time', () => {
    expect(beijingDay(new Date('2024-03-19T16:30:00Z')).toISOString()).toBe('2024-03-20T00:00:00.000Z');
    expect(beijingDay(new Date('2024-03-19T15:59:00Z')).toISOString()).toBe('2024-03-19T00:00:00.000Z');
  });
});
