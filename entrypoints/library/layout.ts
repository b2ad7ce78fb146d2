/** Heights (px) of the library list's rows, by kind: fixed, so the list is laid out without measuring. */
export const ROW_HEIGHT = { group: 40, piece: 112, passage: 112 } as const;
