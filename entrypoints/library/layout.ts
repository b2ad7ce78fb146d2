/** Heights (px) of the library list's rows, by kind: fixed, so the list is laid out without measuring. */
export const ROW_HEIGHT = { group: 40, piece: 112, passage: 112 } as const;

/** Rows rendered beyond the window on each side of the list: enough for keyboard and wheel
 * scrolling, few enough that a new filter lays out little more than what is seen. */
export const OVERSCAN = 3;
