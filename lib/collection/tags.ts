/** Authors and themes as the pages read and colour them (single-table reads and writes). */
export { listTags, setThemeColor, tagsByIds } from '../db/tags';
