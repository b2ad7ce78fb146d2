import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build differs from production only by host access to the local fixture server:
// `activeTab` is granted by a real user gesture, which automated tests cannot make.
const E2E_HOSTS = ['http://127.0.0.1/*'];
// WXT takes the mode for NODE_ENV, which would make the e2e build a development one (JSX dev
// runtime, Preact's devtools bridge): tests and benchmarks must run what users get.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ mode, browser }) => ({
    name: 'Commonplace',
    description:
      'A commonplace book for the web: clip pieces, mark passages, file them by author and theme.',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOSTS } : {}),
    action: { default_title: 'Clip this page to Commonplace' },
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selected text',
      },
    },
    // The passage editor is shown in a frame over the page (a dynamic URL, so pages cannot probe it).
    web_accessible_resources:
      browser === 'firefox'
        ? ['passage-editor.html', 'chunks/*', 'assets/*']
        : [
            {
              resources: ['passage-editor.html', 'chunks/*', 'assets/*'],
              matches: ['<all_urls>'],
              use_dynamic_url: true,
            },
          ],
    // Asked for at run time, only for the sites the reader clipped from, only when they turn on
    // "Show my highlights automatically".
    ...(browser === 'firefox'
      ? { optional_permissions: ['<all_urls>'] }
      : { optional_host_permissions: ['<all_urls>'] }),
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'commonplace@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
