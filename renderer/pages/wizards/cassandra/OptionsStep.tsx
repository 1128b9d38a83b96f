// Step 2 of the Cassandra wizard: output folder, key, validity, the store password and the CA key
// password, each typed twice (the CA's must differ: every node holds the store password in plain
// text).
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { TwiceSecretFields, type TwiceSecret } from '../../../components/TwiceSecret';
import { KeyChoiceField, type KeyChoice } from '../KeyChoiceField';

export interface CassandraOptions {
  outDir: string;
  key: KeyChoice;
  days: number;
}

export function OptionsStep(props: {
  options: CassandraOptions;
  set<K extends keyof CassandraOptions>(key: K, value: CassandraOptions[K]): void;
  password: TwiceSecret;
  caPassword: TwiceSecret;
}) {
  const { options, set } = props;
  return (
    <>
      <TextField
        label="Output folder"
        value={options.outDir}
        onChange={(e) => set('outDir', e.target.value)}
        fullWidth
        error={options.outDir.trim() === ''}
        helperText="A new folder (relative paths start at the folder of application.yaml). An existing kit is never overwritten."
      />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <KeyChoiceField value={options.key} onChange={(k) => set('key', k)} />
        <TextField
          label="Node certificates valid for (days)"
          type="number"
          value={options.days}
          onChange={(e) => set('days', Number(e.target.value))}
          error={!(options.days >= 1 && options.days <= 36500)}
          sx={{ width: 240 }}
        />
      </Stack>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TwiceSecretFields
          id="cassandra-store-password"
          label="Store password"
          againLabel="Repeat the password"
          secret={props.password}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Every store of the kit uses this password; RWS gets it in
        cassandraCluster.truststorePassword (encrypt it afterwards with the Secret encryption wizard
        if you use gir.jar).
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TwiceSecretFields
          id="cassandra-ca-password"
          label="CA key password"
          againLabel="Repeat the CA key password"
          secret={props.caPassword}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Encrypts ca/root-ca.key.pem, which signs the nodes; keep it apart from the store password.
        You need it again to add nodes to this kit.
      </Typography>
    </>
  );
}
