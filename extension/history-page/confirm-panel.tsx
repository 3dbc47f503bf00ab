/**
 * A question that must be answered before something that cannot be undone. Focus goes to
 * "Cancel" (the safe answer) when it opens and Escape cancels; the panel is announced as an
 * alert dialog with its title and text.
 */
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmPanel(props: {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm card"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <h3 id="confirm-title">{props.title}</h3>
      <p id="confirm-text">{props.text}</p>
      <div class="row">
        <button type="button" class="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
