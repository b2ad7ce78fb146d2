/** What a reader edits on a piece or a passage: tag names (not ids) and a note. */
export interface TagEdits {
  authors: string[];
  themes: string[];
  note: string;
}

/** What the library's piece editor changes. */
export interface PieceMetadataEdits extends TagEdits {
  title: string;
  publishedTime: string | null;
}
