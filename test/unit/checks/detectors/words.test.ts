import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../../electron/services/checks/detectors/aho-corasick';
import { detectWords, findWords, loadWordList } from '../../../../electron/services/checks/detectors/words';
import { isKaopingError, type KaopingError } from '../../../../shared/errors';
import { articleBody, crawled, govPage } from './pages';

const SHIPPED = readFileSync(new URL('../../../../resources/wordlists/cuomin.txt', import.meta.url), 'utf8');
const site = 'http://www.suixi.gov.cn';
const list = (text: string) => loadWordList([{ source: 'words.txt', text }]);

function thrown(fn: () => unknown): KaopingError {
  try {
    fn();
  } catch (error) {
    if (isKaopingError(error)) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('AhoCorasick', () => {
  it('finds exactly what a naive search finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('共', '和', '合', '国', '人', '民'), minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.string({ unit: fc.constantFrom('共', '和', '合', '国', '人', '民', 'x'), maxLength: 40 }),
        (patterns, text) => {
          const naive: string[] = [];
          patterns.forEach((p, i) => {
            for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) naive.push(`${i}@${at}`);
          });
          const found = new AhoCorasick(patterns).findAll(text).map((h) => `${h.pattern}@${h.start}`);
          expect(found.sort()).toEqual(naive.sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('loadWordList', () => {
  it('reads corrections, bare words, comments, blank lines, CRLF and a BOM; later entries win', () => {
    const parsed = loadWordList([
      { source: 'cuomin.txt', text: '\uFEFF# 内置\r\n再接再励=>再接再厉\r\n\r\n攻府 => 政府  # 常见\r\n' },
      { source: 'words.txt', text: '某禁用词\n攻府=>人民政府' },
    ]);
    expect(parsed.entries.map((e) => [e.wrong, e.correct, e.source, e.line])).toEqual([
      ['再接再励', '再接再厉', 'cuomin.txt', 2],
      ['攻府', '人民政府', 'words.txt', 2],
      ['某禁用词', undefined, 'words.txt', 1],
    ]);
  });

  it.each([
    ['再接再励=>', '“=>”两边都要有词语'],
    ['=>再接再厉', '“=>”两边都要有词语'],
    ['再接再励=再接再厉', '纠正写法请用“=>”'],
    ['再接再励 再接再厉', '纠正写法请用“=>”'],
    ['再接再励=>再接再厉=>再接再厉', '每行只能有一个“=>”'],
    ['政府=>政府', '错误写法与正确写法相同'],
  ])('rejects %s, naming the file and line', (line, why) => {
    const error = thrown(() => list(`# 本单位补充\n按步就班=>按部就班\n${line}\n`));
    expect(error.code).toBe('wordlist-invalid');
    expect(error.message).toContain(`词表 words.txt 第 3 行格式有误：“${line}”`);
    expect(error.message).toContain(why);
  });
});

describe('findWords', () => {
  it('takes the longest of overlapping entries and never a wrong form inside its own correct form', () => {
    const words = list('中华人民共合国=>中华人民共和国\n共合国=>共和国\n常委会=>人大常委会');
    const text = '学习中华人民共合国宪法，县人大常委会与镇常委会联合开展共合国史教育。';
    expect(findWords(text, words).map((h) => `${h.entry.wrong}@${h.start}`)).toEqual(['中华人民共合国@2', '常委会@20', '共合国@27']);
  });
});

describe('detectWords', () => {
  it('counts every occurrence with context, reason and the element to outline', () => {
    const words = list('中华人民共合国=>中华人民共和国\n扫黑险恶=>扫黑除恶\n某禁用词');
    const pages = [
      crawled(`${site}/gzdt/1.html`, govPage({ body: articleBody('推动中华人民共合国宪法学习宣传走深走实，持续开展扫黑险恶专项斗争。') })),
      crawled(`${site}/gzdt/2.html`, govPage({ body: articleBody('会议传达了某禁用词相关内容。<script>var s = "扫黑险恶";</script>') })),
      crawled(`${site}/gzdt/3.html`, govPage({ body: articleBody('学习中华人民共和国宪法，开展扫黑除恶专项斗争。') })),
    ];
    const [obs, ...rest] = detectWords(pages, words);
    expect(rest).toEqual([]);
    expect([obs!.detect, obs!.count, obs!.summary]).toEqual([
      'content.words',
      3,
      '发现错敏字 3 处：‘中华人民共合国’1 处、‘扫黑险恶’1 处、‘某禁用词’1 处',
    ]);
    expect(obs!.items).toEqual([
      {
        url: `${site}/gzdt/1.html`,
        text: '推动中华人民共合国宪法学习宣传走深走实',
        reason: '‘中华人民共合国’应为‘中华人民共和国’',
        selector: '#zoom p:nth-of-type(1)',
      },
      {
        url: `${site}/gzdt/1.html`,
        text: '传走深走实，持续开展扫黑险恶专项斗争。',
        reason: '‘扫黑险恶’应为‘扫黑除恶’',
        selector: '#zoom p:nth-of-type(1)',
      },
      {
        url: `${site}/gzdt/2.html`,
        text: '会议传达了某禁用词相关内容。',
        reason: '‘某禁用词’为不得使用的词语',
        selector: '#zoom p:nth-of-type(1)',
      },
    ]);
  });

  it('masks personal data that falls into a context', () => {
    const [obs] = detectWords([crawled(`${site}/tzgg/1.html`, govPage({ body: articleBody('攻府热线13800138000') }))], list('攻府=>政府'));
    expect(obs!.items[0]!.text).toBe('攻府热线138****8000');
  });

  it('reports nothing for clean pages or an empty list', () => {
    const pages = [crawled(`${site}/gzdt/3.html`, govPage({ body: articleBody('再接再厉，按部就班。') }))];
    expect(detectWords(pages, list('再接再励=>再接再厉\n按步就班=>按部就班'))).toEqual([]);
    expect(detectWords([crawled(`${site}/x.html`, govPage({ body: articleBody('攻府') }))], list('# 空表'))).toEqual([]);
  });
});

describe('the bundled word list', () => {
  const shipped = loadWordList([{ source: 'cuomin.txt', text: SHIPPED }]);

  it('parses, says where it comes from and that sensitive words are the office’s to add', () => {
    expect(shipped.entries.length).toBeGreaterThanOrEqual(40);
    expect(shipped.entries.length).toBeLessThanOrEqual(80);
    expect(SHIPPED).toContain('考评工作台整理的常见错误写法，评审人员可在考评文件夹的 words.txt 中补充');
    expect(SHIPPED).toMatch(/敏感词.*考评组织单位自行添加/u);
    const pairs = Object.fromEntries(shipped.entries.map((e) => [e.wrong, e.correct]));
    expect(pairs).toMatchObject({
      中华人民共合国: '中华人民共和国',
      攻府: '政府',
      扫黑险恶: '扫黑除恶',
      再接再励: '再接再厉',
      人民代表大会常委委员会: '人民代表大会常务委员会',
    });
  });

  it('holds only corrections whose wrong form never occurs in any listed correct form', () => {
    for (const e of shipped.entries) {
      expect(e.correct, e.wrong).toBeDefined();
      for (const other of shipped.entries) expect(other.correct!.includes(e.wrong), `${e.wrong} in ${other.correct}`).toBe(false);
    }
    const correctText = shipped.entries.map((e) => e.correct).join('，');
    expect(findWords(correctText, shipped)).toEqual([]);
  });
});
