/** What `vi.mock('wxt/browser', () => import('./fake-browser'))` puts in place of the browser. */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const browser = fakeBrowser;
