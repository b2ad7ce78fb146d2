import { defineWebExtConfig } from 'wxt';

// `wxt dev` cannot launch a browser on the CI machines; it only builds.
export default defineWebExtConfig({ disabled: true });
