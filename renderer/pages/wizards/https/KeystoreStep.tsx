// Step 2 of the HTTPS wizard: the keystore (its path as RWS will resolve it), alias, type, port
// and the store password typed twice, with the OBF form that goes into application.yaml.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isAbsolutePath, resolveBesideConfig } from '../../../../shared/config-relative-path';
import { obfuscate } from '../../../../shared/secrets/obf';
import { TwiceSecretFields, type TwiceSecret } from '../../../components/TwiceSecret';
import type { StepProps } from './https-form';

/** "RWS opens /opt/gws/config/keystore": what a relative path will name on this machine. */
function whereText(configFile: string | null, typed: string): string {
  if (typed.trim() === '') return 'Give the keystore file.';
  if (!configFile || isAbsolutePath(typed)) return 'An existing store keeps its other entries.';
  return `Relative to the folder of application.yaml, as RWS reads it: ${resolveBesideConfig(configFile, typed)}. Written to the config as typed. An existing store keeps its other entries.`;
}

export function KeystoreStep(
  props: StepProps & { password: TwiceSecret; configFile: string | null },
) {
  const { form, set, password } = props;
  return (
    <>
      <TextField
        label="Keystore file"
        value={form.keystore}
        onChange={(e) => set('keystore', e.target.value)}
        fullWidth
        error={form.keystore.trim() === ''}
        helperText={whereText(props.configFile, form.keystore)}
      />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          label="Alias"
          value={form.alias}
          onChange={(e) => set('alias', e.target.value)}
          error={form.alias.trim() === ''}
          helperText="The guide uses jetty"
        />
        <TextField
          select
          label="Type (new store)"
          value={form.storeType}
          onChange={(e) => set('storeType', e.target.value as 'JKS' | 'PKCS12')}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="JKS">JKS</MenuItem>
          <MenuItem value="PKCS12">PKCS12</MenuItem>
        </TextField>
        <TextField
          label="HTTPS port"
          type="number"
          value={form.port}
          onChange={(e) => set('port', Number(e.target.value))}
          sx={{ width: 150 }}
        />
      </Stack>
      {form.port < 1024 && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" onClick={() => set('port', 9443)}>
              Use 9443
            </Button>
          }
        >
          Port {form.port} is below 1024: on Unix only root can open it, and the guide advises
          against running RWS as root.
        </Alert>
      )}
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TwiceSecretFields
          id="https-store-password"
          label="Store password"
          againLabel="Repeat the password"
          secret={password}
        />
      </Stack>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        Stored in ssl.keyStorePassword as Jetty&apos;s OBF form (reversible obfuscation, not
        encryption; Jetty does not read CRYPT:):{' '}
        <code data-testid="obf-preview">{password.first ? obfuscate(password.first) : '—'}</code>
      </Typography>
      <FormControlLabel
        control={
          <Checkbox checked={form.replace} onChange={(e) => set('replace', e.target.checked)} />
        }
        label={`Replace an existing entry "${form.alias}" (the guide's "delete the alias and re-import")`}
      />
    </>
  );
}

export function keystoreReady(props: { form: StepProps['form']; password: TwiceSecret }): boolean {
  const { form, password } = props;
  return (
    password.problem === null &&
    form.alias.trim() !== '' &&
    form.keystore.trim() !== '' &&
    Number.isInteger(form.port) &&
    form.port >= 1 &&
    form.port <= 65535
  );
}
