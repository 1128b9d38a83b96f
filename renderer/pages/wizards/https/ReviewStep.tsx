// Step 3 of the HTTPS wizard: the certificate restated, the files that will be written (and the
// folders created), the kit's warnings, and the values the open application.yaml will get.
import Typography from '@mui/material/Typography';
import { CertificateRecap } from '../CertificateRecap';
import { PlanReview } from '../PlanReview';
import { FileList, type KitResult } from '../wizard-parts';
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
      <PlanReview
        plan={plan}
        writes="Will be written at once"
        files={<FileList files={plan.files} written={false} />}
        noEdits="Nothing: HTTPS stays as it is until the CA reply is imported."
      />
    </>
  );
}
