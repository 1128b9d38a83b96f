// Step 3 of the HTTPS wizard: the certificate restated, the files that will be written (and the
// folders created), the kit's warnings, and the values the open application.yaml will get.
import Typography from '@mui/material/Typography';
import { CertificateRecap } from '../CertificateRecap';
import { EditList, FileList, NewFolders, Warnings, type KitResult } from '../wizard-parts';
import type { Mode } from './https-form';

export function ReviewStep(props: { plan: KitResult; mode: Mode }) {
  const { plan } = props;
  return (
    <>
      {plan.certificate && (
        <>
          <Typography variant="subtitle2" component="h3">
            {props.mode === 'csr' ? 'The key and the request for your CA' : 'The certificate'}
          </Typography>
          <CertificateRecap certificate={plan.certificate} placeholder={props.mode === 'csr'} />
        </>
      )}
      <Typography variant="subtitle2" component="h3">
        Will be written at once
      </Typography>
      <FileList files={plan.files} written={false} />
      <NewFolders folders={plan.newFolders} />
      <Warnings warnings={plan.warnings} />
      <Typography variant="subtitle2" component="h3">
        Then set in the open application.yaml (pending until you save)
      </Typography>
      {plan.edits.length > 0 ? (
        <EditList edits={plan.edits} />
      ) : (
        <Typography variant="body2">
          Nothing: HTTPS stays as it is until the CA reply is imported.
        </Typography>
      )}
    </>
  );
}
