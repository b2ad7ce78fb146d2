/** The background owns the database and tab scripting; extension pages ask it by message. */
import { defineBackground } from 'wxt/utils/define-background';
import { listenForMessages } from '../../lib/messaging';
import { readBody, readTab, saveClip } from './handlers';

export default defineBackground(() => {
  listenForMessages({ 'clip/read': readTab, 'clip/body': readBody, 'piece/save': saveClip });
});
