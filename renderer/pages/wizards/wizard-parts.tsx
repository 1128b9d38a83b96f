// Pieces every wizard uses: the outcome of a kit (files, new folders, warnings, values), the verify
// checks, the config diff, and reading a kit's values back from the open session.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { Response } from '../../../shared/api/contract';
import type { ConfigModel } from '../../app/use-config';
import { DiffLines } from '../../components/diff/DiffLines';

export type KitResult = Response<'kit.https.run'>;
export type KitEdit = KitResult['edits'][number];
export type Check = Response<'kit.verify.store'>['checks'][number];

/**
 * After a kit run: the main process applied its values to the open session (one undo step), so
 * read the session again and return the diff the user reviews before saving.
 */
export async function showKitValues(
  model: ConfigModel,
  result: Pick<KitResult, 'applied'>,
): Promise<string | null> {
  if (result.applied) await model.refresh();
  return model.diff();
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function FileList(props: { files: KitResult['files']; written: boolean }) {
  return (
    <Box
      component="ul"
      aria-label={props.written ? 'Files written' : 'Files to write'}
      sx={{ m: 0, pl: 2.5 }}
    >
      {props.files.map((f) => (
        <li key={f.path}>
          <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {f.path}
          </Box>{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            ({size(f.bytes)}
            {f.exists
              ? props.written
                ? ', replaced: previous kept in .rwsec-backups/'
                : ', replaces the existing file'
              : ''}
            {f.secret ? ', owner-only: holds a key or password' : ''})
          </Typography>
        </li>
      ))}
    </Box>
  );
}

export function Warnings(props: { warnings: readonly string[] }) {
  return (
    <>
      {props.warnings.map((w) => (
        <Alert key={w} severity="warning" sx={{ overflowWrap: 'anywhere' }}>
          {w}
        </Alert>
      ))}
    </>
  );
}

/** The values a kit sets, as they will be stored (secrets in their stored form: OBF:/CRYPT:). */
export function EditList(props: { edits: readonly KitEdit[] }) {
  if (props.edits.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label="Configuration values"
      sx={{ m: 0, pl: 2.5, fontFamily: 'monospace', fontSize: 13 }}
    >
      {props.edits.map((e) => (
        <li key={e.path} style={{ overflowWrap: 'anywhere' }}>
          {e.path}: {e.delete ? '(removed)' : String(e.value)}
        </li>
      ))}
    </Box>
  );
}

export function DiffView(props: { diff: string | null }) {
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        application.yaml: pending changes (not saved yet)
      </Typography>
      {props.diff ? (
        <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, py: 1 }}>
          <DiffLines diff={props.diff} label="Config diff" maxHeight={320} />
        </Box>
      ) : (
        <Box
          component="pre"
          aria-label="Config diff"
          sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12.5 }}
        >
          (no change)
        </Box>
      )}
      <Typography variant="body2" color="text.secondary">
        These values are pending edits in the editor: review and write them with Save… in the top
        bar (undo removes them).
      </Typography>
    </>
  );
}

export function Checks(props: { checks: readonly Check[] | null }) {
  if (!props.checks) return null;
  const colors = { ok: 'success', warn: 'warning', fail: 'error' } as const;
  const words = { ok: 'OK', warn: 'Warning', fail: 'Failed' } as const;
  return (
    <Box
      component="ul"
      aria-label="Verification"
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}
    >
      {props.checks.map((c, i) => (
        <Box
          component="li"
          key={i}
          data-check={c.mark}
          sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
        >
          <Chip size="small" color={colors[c.mark]} label={words[c.mark]} sx={{ minWidth: 76 }} />
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere', pt: 0.25 }}>
            {c.text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * The step after a kit ran: `written` ("The keystore", "The kit") was written at once; the
 * configuration values wait as pending edits for the reviewed save.
 */
export function WrittenSummary(props: { written: string; result: KitResult; diff: string | null }) {
  return (
    <>
      <Alert severity="success">
        {props.written} was written now; the configuration values wait for your reviewed save.
      </Alert>
      {props.result.summary.map((s) => (
        <Typography key={s} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {s}
        </Typography>
      ))}
      <Typography variant="subtitle2" component="h3">
        Files written
      </Typography>
      <FileList files={props.result.files} written />
      <Warnings warnings={props.result.warnings} />
      <DiffView diff={props.diff} />
    </>
  );
}

/** Before anything is written: the folders the run creates, named, so a typo is caught here. */
export function NewFolders(props: { folders: readonly string[] | undefined }) {
  const folders = props.folders ?? [];
  if (folders.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="new-folders" sx={{ overflowWrap: 'anywhere' }}>
      {folders.length === 1
        ? 'This folder does not exist and will be created: '
        : 'These folders do not exist and will be created: '}
      {folders.join(', ')}
    </Alert>
  );
}

/** The last step of a kit wizard: what was checked and the checks themselves. */
export function VerifyStep(props: { intro: string; checks: readonly Check[] | null }) {
  return (
    <>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {props.intro}
      </Typography>
      <Checks checks={props.checks} />
    </>
  );
}
