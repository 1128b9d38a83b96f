// Step 2 of the secret wizard: OBF (computed here) or CRYPT (made by the admin's gir.jar).
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SecretForm } from './secret-form';

export function FormStep(props: {
  form: SecretForm;
  onForm(form: SecretForm): void;
  girJar: string;
  onGirJar(path: string): void;
  /** The stored form, once known (OBF at once, CRYPT after gir.jar ran). */
  value: string | null;
}) {
  return (
    <>
      <RadioGroup
        value={props.form}
        onChange={(e) => props.onForm(e.target.value as SecretForm)}
        aria-label="Form"
      >
        <FormControlLabel
          value="OBF"
          control={<Radio />}
          label="OBF: Jetty's reversible obfuscation, for the HTTPS keystore password (not encryption)"
        />
        <FormControlLabel
          value="CRYPT"
          control={<Radio />}
          label="CRYPT: made by your RWS gir.jar, for the passwords RWS itself reads"
        />
      </RadioGroup>
      {props.form === 'CRYPT' && (
        <TextField
          label="gir.jar of your RWS installation"
          value={props.girJar}
          onChange={(e) => props.onGirJar(e.target.value)}
          fullWidth
          helperText="Runs java -jar gir.jar --encrypt with the java of this app (JAVA_HOME, then PATH); the server does not start in that mode."
        />
      )}
      {props.value && (
        <Typography
          sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
          data-testid="secret-value"
        >
          {props.value}
        </Typography>
      )}
    </>
  );
}
