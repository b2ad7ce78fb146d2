/**
 * `commonplace extract <file.html> [--url <pageUrl>] [--html]`: runs the extension's extraction on
 * a saved page and prints the PageExtraction as JSON. The page's scripts never run.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPage } from '../extract/extract-page';
import { parseSavedPage } from './saved-page';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, parseArgs, type CliCommand } from './shared';

/** Files larger than this are refused before parsing (bad input, exit 1). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Something a browser would render as a page: a doctype or one of the usual document tags. */
const HTML_START_RE =
  /<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section)[\s>/]/i;

/** A file that is missing, unreadable or not HTML. */
class BadInputError extends Error {}

function checkPageUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an absolute URL: ${value}`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    throw new UsageError(`--url must be an http(s) or file URL: ${value}`);
  }
  return url.href;
}

async function readHtml(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(
      code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? 'error'})`,
    );
  }
  if (info.isDirectory()) throw new BadInputError('is a directory');
  if (info.size > MAX_FILE_BYTES) throw new BadInputError('file is too large');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new BadInputError(
      `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (bytes.includes(0)) throw new BadInputError('not an HTML file (binary data)');
  const head = bytes.subarray(0, 64 * 1024).toString('latin1');
  if (!HTML_START_RE.test(head)) throw new BadInputError('not an HTML file');
  return bytes;
}

export const extractCommand: CliCommand = {
  usage: 'extract <file.html> [--url <pageUrl>] [--html]   extract a saved page as JSON',
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { values: ['url'], flags: ['html'] });
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'missing <file.html>' : 'only one file at a time',
      );
    }
    const path = positionals[0]!;
    const pageUrl =
      typeof options.url === 'string'
        ? checkPageUrl(options.url)
        : pathToFileURL(resolve(path)).href;

    try {
      const page = parseSavedPage(await readHtml(path), pageUrl);
      try {
        const extraction = await extractPage(page.document, pageUrl, { window: page.window });
        const output: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(extraction)) {
          if (key === 'contentHtml' && !options.html) continue;
          output[key] = value;
          if (key === 'url') output.canonicalUrl = value;
        }
        io.stdout(JSON.stringify(output, null, 2) + '\n');
      } finally {
        page.close();
      }
      return EXIT_OK;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`${path}: ${message.split('\n')[0]}\n`);
      return EXIT_BAD_INPUT;
    }
  },
};
