// "Choose file…": the browser's own file picker behind a hidden <input type="file">, so it works in
// the served page and in Electron's sandboxed renderer alike. The chosen file takes the same road
// as a dropped one (readDropped: size cap, base64 upload).
import Button from '@mui/material/Button';
import { useRef } from 'react';
import { errorText, readDropped, type DroppedFile } from './files';

/** What the picker offers first; "All files" stays available in the dialog. */
export const certificateFileTypes = '.pem,.crt,.cer,.der,.p7b,.p7c,.p12,.pfx,.jks,.jceks,.keystore';

export function ChooseFileButton(props: {
  /** The hidden input's id, for tests and for a label's htmlFor. */
  inputId: string;
  label?: string;
  disabled?: boolean;
  /** Id of the text that names the chosen file, read out with the button. */
  describedBy?: string;
  onChosen(file: DroppedFile): void;
  onError(message: string): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant="outlined"
        disabled={props.disabled}
        onClick={() => input.current?.click()}
        aria-describedby={props.describedBy}
        sx={{ flexShrink: 0 }}
      >
        {props.label ?? 'Choose file…'}
      </Button>
      <input
        ref={input}
        id={props.inputId}
        type="file"
        accept={certificateFileTypes}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const picker = e.currentTarget;
          const file = picker.files?.[0];
          // Cleared so choosing the same file again (after fixing it on disk) fires again.
          picker.value = '';
          if (!file) return;
          readDropped(file).then(props.onChosen, (error: unknown) =>
            props.onError(errorText(error)),
          );
        }}
      />
    </>
  );
}
