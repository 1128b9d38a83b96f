// Step 3 of the outbound trust wizard: before anything is written, the trust file, the folders a
// write would create (so a typo in the path is caught here), the kit's warnings and the values
// the open application.yaml will get.
import Typography from '@mui/material/Typography';
import { PlanReview } from '../PlanReview';
import { FileList, type KitResult } from '../wizard-parts';

export function TrustReviewStep(props: { plan: KitResult }) {
  const { plan } = props;
  return (
    <>
      {plan.summary.map((line) => (
        <Typography key={line} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {line}
        </Typography>
      ))}
      <PlanReview
        plan={plan}
        writes="Will be written"
        files={<FileList files={plan.files} written={false} />}
      />
    </>
  );
}
