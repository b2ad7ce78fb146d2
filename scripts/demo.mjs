// `npm run demo`: builds the extension, serves the bundled sample site on 127.0.0.1 and opens
// Chromium with the extension loaded. Without a browser or a display it prints how to load the
// unpacked build instead.
import { execSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const build = path.join(root, '.output/chrome-mv3');
const site = path.join(root, 'demo-site');

console.log('> building the extension (wxt build)');
execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = path.join(site, pathname);
  if (!file.startsWith(site)) return res.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end('not found');
  }
});
const port = Number(process.env.PORT ?? 8377);
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const siteUrl = `http://127.0.0.1:${port}/`;

const browser = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find(
  (candidate) => candidate && existsSync(candidate),
);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const howToLoad = `
The unpacked extension is built at:
  ${build}
To load it: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and choose
that folder (Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" →
.output/firefox-mv2/manifest.json). Then open a page and click the Commonplace toolbar button.`;

if (!browser || !hasDisplay || process.env.CI) {
  console.log(
    `\nNo ${browser ? 'display' : 'Chromium'} available, so no browser was opened.${howToLoad}`,
  );
  console.log(
    `\nThe sample site is bundled in demo-site/ (serve it with: PORT=${port} npm run demo on a machine with a display).`,
  );
  server.close();
} else {
  console.log(
    `\n> sample site at ${siteUrl}\n> opening ${browser} with the extension loaded${howToLoad}`,
  );
  console.log('\nClose the browser (or press Ctrl+C) to stop.');
  const profile = mkdtempSync(path.join(tmpdir(), 'commonplace-demo-'));
  const child = spawn(
    browser,
    [
      `--user-data-dir=${profile}`,
      '--no-first-run',
      // Chromium refuses to run as root with its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      siteUrl,
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => server.close());
}
