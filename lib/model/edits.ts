/** What a reader edits on a piece or a passage: tag names (not ids) and a note. */
export interface TagEdits {
  authors: string[];
  themes: string[];
  note: string;
}
