/** Page-side helpers for passage tests: select text like a reader, annotate, read highlights. */
import type { Frame, Page } from 'playwright-core';
import { tabIdOf, type ExtensionSession } from './harness';

/** Selects the text `exact` inside the element matching `selector` (main world, like a reader). */
export async function select(
  page: Page,
  selector: string,
  exact: string,
  occurrence = 0,
): Promise<void> {
  await page.evaluate(
    ({ selector, exact, occurrence }) => {
      const element = document.querySelector(selector)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
      if (at < 0) throw new Error(`"${exact}" not found`);
      const point = (offset: number): [Text, number] => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...point(at));
      range.setEnd(...point(at + exact.length));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { selector, exact, occurrence },
  );
}

/** The texts the page shows highlighted by the extension (CSS Custom Highlight API). */
export async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('commonplace-')) continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        texts.push(range.toString().replace(/\s+/g, ' '));
      }
    }
    return texts;
  });
}

/** The passage editor frame over `page`, once it has opened (within 10 s). */
export async function editorFrame(page: Page): Promise<Frame> {
  for (let tries = 0; tries < 100; tries++) {
    const frame = page.frames().find((f) => f.url().includes('passage-editor.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the passage editor did not open');
}

/** Selects, clicks "Annotate selection" in the popup, fills the editor and saves. */
export async function annotate(
  session: ExtensionSession,
  page: Page,
  selector: string,
  exact: string,
  fields: { note: string; theme: string; author?: string },
  occurrence = 0,
): Promise<Frame> {
  await select(page, selector, exact, occurrence);
  const tabId = await tabIdOf(session, page.url());
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByRole('button', { name: 'Annotate selection' }).click();
  const editor = await editorFrame(page);
  await editor.getByRole('textbox', { name: 'Note' }).fill(fields.note);
  await editor.getByRole('combobox', { name: 'Themes' }).fill(fields.theme);
  await editor.getByRole('combobox', { name: 'Themes' }).press('Enter');
  if (fields.author) {
    await editor.getByRole('combobox', { name: 'Authors' }).fill(fields.author);
    await editor.getByRole('combobox', { name: 'Authors' }).press('Enter');
  }
  await popup.close();
  return editor;
}
