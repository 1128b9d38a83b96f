// Step 2 of the outbound trust wizard: the trust file to write (its path as RWS resolves it), its
// format, and for JKS the new store password typed twice.
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { isAbsolutePath, resolveBesideConfig } from '../../../../shared/config-relative-path';
import { TwiceSecretFields, type TwiceSecret } from '../../../components/TwiceSecret';
import { formatOf, type TrustForm } from './trust-form';

export function TrustFileStep(props: {
  form: TrustForm;
  patch(values: Partial<TrustForm>): void;
  password: TwiceSecret;
  configFile: string | null;
}) {
  const { form, patch } = props;
  const where =
    props.configFile && form.out.trim() !== '' && !isAbsolutePath(form.out)
      ? `Relative to the folder of application.yaml: ${resolveBesideConfig(props.configFile, form.out)}`
      : ' ';
  return (
    <>
      <TextField
        label="Trust file to write"
        value={form.out}
        onChange={(e) => patch({ out: e.target.value, format: formatOf(e.target.value) })}
        fullWidth
        error={form.out.trim() === ''}
        helperText={where}
      />
      <RadioGroup
        row
        value={form.format}
        onChange={(e) => patch({ format: e.target.value as TrustForm['format'] })}
        aria-label="Format"
      >
        <FormControlLabel
          value="jks"
          control={<Radio />}
          label="JKS (the guide's recommendation)"
        />
        <FormControlLabel value="pem" control={<Radio />} label="PEM" />
      </RadioGroup>
      {form.format === 'jks' && (
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TwiceSecretFields
            id="trust-store-password"
            label="Store password"
            againLabel="Repeat the password"
            secret={props.password}
          />
        </Stack>
      )}
    </>
  );
}
