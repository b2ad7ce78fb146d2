/** Import of annotations made elsewhere, as partial backups merged into the collection: the public surface. */
export { importAnnotations } from './annotation-file';
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
