/** `commonplace extract`, run in-process with captured output. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { FIXTURE_DIR, SEED_DIR, captureIo } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'commonplace-extract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const captured = captureIo();
  const code = await runCli(['extract', ...args], captured.io);
  return { code, stdout: captured.stdout.join(''), stderr: captured.stderr.join('') };
}

describe('commonplace extract', () => {
  it('prints the extraction with canonicalUrl and without contentHtml by default', async () => {
    const { code, stdout, stderr } = await run(join(FIXTURE_DIR, 'multi-author.html'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result).slice(0, 3)).toEqual(['pageKind', 'url', 'canonicalUrl']);
    expect(result.canonicalUrl).toBe(
      'https://www.left-review.example/2016/03/against-campism-a-reply/',
    );
    expect(result.url).toBe(result.canonicalUrl);
    expect(result).not.toHaveProperty('contentHtml');
    expect(result.authors).toEqual(['Tomasz Nowak', 'Claire Dubois', 'Sam Okafor']);
  });

  it('includes sanitised contentHtml with --html', async () => {
    const { code, stdout } = await run(join(FIXTURE_DIR, 'hostile.html'), '--html');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { contentHtml: string };
    expect(result.contentHtml).toContain('<p>');
    expect(result.contentHtml).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('uses --url as the page URL: a foreign canonical is then refused', async () => {
    const pageUrl = 'https://mirror-blog.co.uk/2015/09/why-russia-backs-assad.html?utm_source=x';
    const { code, stdout } = await run(
      join(FIXTURE_DIR, 'foreign-canonical.html'),
      '--url',
      pageUrl,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { url: string; pageUrl: string };
    expect(result.pageUrl).toBe(pageUrl);
    expect(result.url).toBe('https://mirror-blog.co.uk/2015/09/why-russia-backs-assad.html');
  });

  it('trusts an http(s) canonical for a saved file read without --url', async () => {
    const { stdout } = await run(join(FIXTURE_DIR, 'foreign-canonical.html'));
    expect((JSON.parse(stdout) as { url: string }).url).toBe(
      'https://www.bbc.co.uk/news/world-123456',
    );
  });

  it('exits 1 with one "<path>: <message>" line for a missing file', async () => {
    const path = join(tmp, 'missing.html');
    const { code, stdout, stderr } = await run(path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${path}: no such file\n`);
  });

  it('exits 1 for a directory, a binary file and a text file that is not HTML', async () => {
    const binary = join(tmp, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const text = join(tmp, 'notes.txt');
    writeFileSync(text, 'Just some notes about the meeting, no markup at all.\n');
    for (const path of [tmp, binary, text]) {
      const { code, stderr } = await run(path);
      expect(code, path).toBe(1);
      expect(stderr.startsWith(`${path}: `), stderr).toBe(true);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exits 1 for a page too large to extract', async () => {
    const path = join(tmp, 'huge.html');
    writeFileSync(path, `<!DOCTYPE html><html><body>${'<b></b>'.repeat(100_001)}</body></html>`);
    const { code, stderr } = await run(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^.*huge\.html: This page is too large to extract/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['a.html', 'b.html'],
      ['a.html', '--bogus'],
      ['a.html', '--url'],
      [join(SEED_DIR, 'article.html'), '--url', 'not a url'],
      [join(SEED_DIR, 'article.html'), '--url', 'javascript:alert(1)'],
    ]) {
      const { code, stderr } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: extract');
    }
  });

  it('decodes a file as a browser would: a late meta charset, or UTF-8 bytes with none', async () => {
    const body =
      '<h1>It’s Кагарлицкий’s reply</h1><p>' + 'Words of the piece. '.repeat(40) + '</p>';
    const late = `<html><head><!-- ${'x'.repeat(1500)} --><meta charset="utf-8"><title>It’s Кагарлицкий’s reply</title></head><body>${body}</body></html>`;
    const none = late.replace('<meta charset="utf-8">', '');
    for (const [name, html] of [
      ['late-meta.html', late],
      ['no-meta.html', none],
    ] as const) {
      writeFileSync(join(tmp, name), html, 'utf8');
      const { code, stdout } = await run(join(tmp, name), '--url', 'https://site.example/reply');
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as { title: string }).title).toBe('It’s Кагарлицкий’s reply');
    }
  });

  it('reads an undeclared windows-1252 file as windows-1252', async () => {
    const html = '<html><head><title>Grüße aus Köln</title></head><body><p>Grüße</p></body></html>';
    writeFileSync(join(tmp, 'cp1252.html'), Buffer.from(html, 'latin1'));
    const { code, stdout } = await run(join(tmp, 'cp1252.html'), '--url', 'https://site.example/x');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { title: string }).title).toBe('Grüße aus Köln');
  });
});
