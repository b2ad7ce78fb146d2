/** "Deleted …. [Undo]": what was just done, and the button that undoes it. Props only. */
export interface UndoNoticeProps {
  message: string;
  onUndo: () => void;
}

export function UndoNotice({ message, onUndo }: UndoNoticeProps) {
  return (
    <p class="notice undo" role="status">
      {message}{' '}
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </p>
  );
}
