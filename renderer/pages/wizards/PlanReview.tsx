// What a kit's run would do, shown before it runs (every wizard's review step): the files it
// writes and the folders it creates (a typo in a path is caught here), the kit's warnings, then
// the values the open application.yaml gets, pending until the user saves.
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { EditList, NewFolders, Warnings, type KitResult } from './wizard-parts';

export function PlanReview(props: {
  plan: Pick<KitResult, 'newFolders' | 'warnings' | 'edits'>;
  /** The heading over the files, e.g. "Will be written". */
  writes: string;
  /** The files, as a list or a tree. */
  files: ReactNode;
  /** Said instead of an empty list when the run sets no value. */
  noEdits?: string;
}) {
  const { plan } = props;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        {props.writes}
      </Typography>
      {props.files}
      <NewFolders folders={plan.newFolders} />
      <Warnings warnings={plan.warnings} />
      <Typography variant="subtitle2" component="h3">
        Then set in the open application.yaml (pending until you save)
      </Typography>
      {plan.edits.length === 0 && props.noEdits !== undefined ? (
        <Typography variant="body2">{props.noEdits}</Typography>
      ) : (
        <EditList edits={plan.edits} />
      )}
    </>
  );
}
