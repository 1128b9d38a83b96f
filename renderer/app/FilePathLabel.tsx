// The open file in the header: its name always whole, its folder shortened in the middle (the
// start and the last folder stay readable), the full path on hover and one click to copy it.
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { copyWords, useCopy } from '../components/CopyChip';
import { CopyIcon } from '../fields/icons';

/** Name, the folder before the last one, and the last folder (each with its separator). */
export function splitPath(file: string): { head: string; tail: string; name: string } {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const name = file.slice(cut + 1);
  const folder = file.slice(0, cut + 1);
  const inner = folder.slice(0, -1);
  const lastCut = Math.max(inner.lastIndexOf('/'), inner.lastIndexOf('\\'));
  return { head: folder.slice(0, lastCut + 1), tail: folder.slice(lastCut + 1), name };
}

const ellipsis = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

export function FilePathLabel({ file }: { file: string }) {
  const { head, tail, name } = splitPath(file);
  const { state, copy } = useCopy(file);
  return (
    <>
      <Tooltip title={file} describeChild>
        <Box
          data-testid="file-path"
          sx={{ display: 'flex', alignItems: 'baseline', gap: 1, minWidth: 0 }}
        >
          <Typography
            component="span"
            sx={{ fontFamily: 'monospace', flexShrink: 0, whiteSpace: 'nowrap' }}
            data-testid="file-name"
          >
            {name}
          </Typography>
          <Typography
            component="span"
            variant="body2"
            color="text.secondary"
            sx={{ display: 'flex', minWidth: 0 }}
            data-testid="file-folder"
          >
            {/* The start gives way first; the last folder only when nothing else is left. */}
            <Box component="span" sx={{ ...ellipsis, flexShrink: 1, minWidth: '1.2em' }}>
              {head}
            </Box>
            <Box
              component="span"
              sx={{ ...ellipsis, flexShrink: 0, maxWidth: 'calc(100% - 1.2em)' }}
              data-testid="file-folder-last"
            >
              {tail}
            </Box>
          </Typography>
        </Box>
      </Tooltip>
      <Tooltip title={state === 'idle' ? 'Copy the full path' : copyWords[state]}>
        <IconButton
          size="small"
          aria-label="Copy the file's full path"
          onClick={copy}
          sx={{ p: 0.5 }}
        >
          <CopyIcon sx={{ fontSize: 16 }} />
        </IconButton>
      </Tooltip>
    </>
  );
}
