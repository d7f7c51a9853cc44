/**
 * The signed head of the assessment's history, recorded in a document
 * property (docProps/custom.xml, "KaopingChainHead") of every .xlsx and .docx
 * export, so `kaoping verify --export <file>` can tell whether the assessment
 * was changed after that document was made. Works on any OOXML package.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const CHAIN_HEAD_PROPERTY = 'KaopingChainHead';

const CUSTOM = 'docProps/custom.xml';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const escapeXml = (text: string) => text.replace(/[<>&"]/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

function property(pid: number, value: string): string {
  return `<property fmtid="${FMTID}" pid="${pid}" name="${CHAIN_HEAD_PROPERTY}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`;
}

/** Adds (or replaces) the chain-head property in an .xlsx or .docx. */
export function stampChainHead(bytes: Uint8Array, head: string): Uint8Array {
  const files = unzipSync(bytes);
  const existing = files[CUSTOM] ? strFromU8(files[CUSTOM]) : undefined;
  if (existing) {
    const without = existing
      .replace(new RegExp(`<property[^>]*name="${CHAIN_HEAD_PROPERTY}"[^>]*>[\\s\\S]*?</property>`, 'u'), '')
      // docx writes an empty <Properties …/>.
      .replace(/<Properties([^>]*?)\/>/u, '<Properties$1></Properties>');
    const pids = [...without.matchAll(/pid="(\d+)"/gu)].map((m) => Number(m[1]));
    files[CUSTOM] = strToU8(without.replace('</Properties>', `${property(Math.max(1, ...pids) + 1, head)}</Properties>`));
  } else {
    files[CUSTOM] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property(2, head)}</Properties>`,
    );
    const types = strFromU8(files['[Content_Types].xml']!);
    if (!types.includes('/docProps/custom.xml')) {
      files['[Content_Types].xml'] = strToU8(
        types.replace(
          '</Types>',
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        ),
      );
    }
    const rels = strFromU8(files['_rels/.rels']!);
    if (!rels.includes('docProps/custom.xml')) {
      files['_rels/.rels'] = strToU8(
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdKaopingCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        ),
      );
    }
  }
  return zipSync(files, { level: 6 });
}

/** The chain head recorded in an .xlsx/.docx, or in the index.xlsx of an evidence pack; undefined when none. */
export function readChainHead(bytes: Uint8Array): string | undefined {
  let files;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === CUSTOM || f.name === 'index.xlsx' });
  } catch {
    return undefined;
  }
  if (files['index.xlsx']) return readChainHead(files['index.xlsx']);
  const xml = files[CUSTOM] ? strFromU8(files[CUSTOM]) : '';
  const m = new RegExp(`name="${CHAIN_HEAD_PROPERTY}"[^>]*><vt:lpwstr>([^<]*)</vt:lpwstr>`, 'u').exec(xml);
  return m?.[1];
}
