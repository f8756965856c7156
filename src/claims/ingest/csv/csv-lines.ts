import { damagedContent, openContent } from '../file-bytes.ts';

/**
 * Reads the given lines of a file (numbered from 1, ascending), each as its text without the
 * line break and cut to `maxChars`. One pass over the bytes; only the lines asked for are
 * decoded. For files whose records are one line each, a record's line is its text.
 */
export async function readLinesAt(
  filePath: string,
  wanted: readonly number[],
  onLine: (line: number, text: string) => void,
  maxChars = 2000,
): Promise<void> {
  let next = 0;
  let lineNo = 1;
  let carry: Buffer[] = [];
  const emit = (bytes: Buffer) => {
    const text = bytes.subarray(0, maxChars * 4).toString('utf8');
    onLine(lineNo, (text.endsWith('\r') ? text.slice(0, -1) : text).slice(0, maxChars));
    next++;
  };
  try {
    for await (const chunk of openContent(filePath)) {
      if (next >= wanted.length) break;
      const bytes = chunk as Buffer;
      let start = 0;
      for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
        if (lineNo === wanted[next]) emit(Buffer.concat([...carry, bytes.subarray(start, end)]));
        carry = [];
        lineNo++;
        start = end + 1;
        if (next >= wanted.length) return;
      }
      if (lineNo === wanted[next]) carry.push(bytes.subarray(start));
    }
  } catch (error) {
    // A damaged gzip file: the lines before the damage are all there are.
    if (!damagedContent(error)) throw error;
    return;
  }
  if (next < wanted.length && lineNo === wanted[next] && carry.length > 0) emit(Buffer.concat(carry));
}
