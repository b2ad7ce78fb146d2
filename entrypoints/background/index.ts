/** The background owns the database and tab scripting; extension pages ask it by message. */
import { defineBackground } from 'wxt/utils/define-background';
import { listenForMessages } from '../../lib/messaging';
import { readTab, saveClip } from './handlers';

export default defineBackground(() => {
  listenForMessages({ 'clip/read': readTab, 'piece/save': saveClip });
});
