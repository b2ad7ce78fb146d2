/** The setting that lets a piece's stored copy load its images: one per piece, true once allowed. */
export const imageSettingKey = (pieceId: string) => `images:${pieceId}`;
