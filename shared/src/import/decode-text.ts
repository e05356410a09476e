import { z } from 'zod';

/** Text encodings of a source: detected, or named by the user (GBK as its superset GB18030). */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gbk'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];
export const textEncodingSchema = z.enum(TEXT_ENCODINGS);

/**
 * Decodes bytes to text. 'auto' strips a UTF-8 BOM and takes the bytes as UTF-8 when they are
 * valid UTF-8, else as GBK: Excel on a Chinese Windows saves "CSV" in GBK, and GBK text is
 * almost never valid UTF-8 by accident.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice): { text: string; encoding: 'utf-8' | 'gbk' } {
  const chosen = encoding === 'auto' ? detectEncoding(bytes) : encoding;
  // gb18030 decodes every GBK byte sequence the same way and is built into Node's full ICU.
  const text = new TextDecoder(chosen === 'gbk' ? 'gb18030' : 'utf-8').decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: chosen };
}

/** 'utf-8' when the bytes are valid UTF-8, else 'gbk'. */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'gbk' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The encoding a shapefile's .cpg names ('UTF-8', 'GBK', '936', 'CP936' …), or null if unknown. */
export function encodingFromCpg(cpg: string): 'utf-8' | 'gbk' | null {
  const name = cpg.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8' || name === '65001') return 'utf-8';
  if (['gbk', '936', 'cp936', 'gb2312', 'gb18030', 'ansi936', 'windows936'].includes(name)) return 'gbk';
  return null;
}
