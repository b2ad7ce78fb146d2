/** Import of annotations made elsewhere, as partial backups to merge: the public surface. */
export {
  ImportFormatError,
  type ImportContext,
  type ImportOptions,
  type ImportResult,
  type ImportSkip,
  type ImportSummary,
} from './builder';
export { importHypothesis } from './hypothesis';
export { importWebAnnotations } from './web-annotations';
