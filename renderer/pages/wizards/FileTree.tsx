// The files a kit would write, as a folder tree under their common folder (the preview).
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { KitResult } from './wizard-parts';

interface Node {
  name: string;
  children: Map<string, Node>;
  file?: KitResult['files'][number];
}

function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('/') || '/';
}

function treeOf(files: KitResult['files'], root: string): Node {
  const top: Node = { name: root, children: new Map() };
  for (const file of files) {
    const rest = file.path.slice(root === '/' ? 1 : root.length + 1).split('/');
    let node = top;
    rest.forEach((part, i) => {
      let child = node.children.get(part);
      if (!child) {
        child = { name: part, children: new Map() };
        node.children.set(part, child);
      }
      if (i === rest.length - 1) child.file = file;
      node = child;
    });
  }
  return top;
}

function Branch(props: { node: Node }) {
  return (
    <Box component="ul" role="group" sx={{ listStyle: 'none', m: 0, pl: 2.5 }}>
      {[...props.node.children.values()].map((child) => (
        <li key={child.name} role="treeitem" aria-expanded={child.file ? undefined : true}>
          {child.file ? (
            <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }}>
              {child.name}
              <Typography component="span" variant="body2" color="text.secondary">
                {child.file.secret ? '  (owner-only: key or password)' : ''}
                {child.file.exists ? '  (replaces a file)' : ''}
              </Typography>
            </Typography>
          ) : (
            <>
              <Typography
                variant="body2"
                component="span"
                sx={{ fontFamily: 'monospace', fontWeight: 600 }}
              >
                {child.name}/
              </Typography>
              <Branch node={child} />
            </>
          )}
        </li>
      ))}
    </Box>
  );
}

export function FileTree(props: { files: KitResult['files'] }) {
  const root = commonFolder(props.files.map((f) => f.path));
  return (
    <Box
      aria-label="Files to write"
      role="tree"
      sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, maxHeight: 360, overflow: 'auto' }}
    >
      {/* A tree holds tree items only: the common folder is the root item, expanded. */}
      <Box role="treeitem" aria-expanded>
        <Typography
          variant="body2"
          component="span"
          sx={{ fontFamily: 'monospace', fontWeight: 600, overflowWrap: 'anywhere' }}
        >
          {root}/
        </Typography>
        <Branch node={treeOf(props.files, root)} />
      </Box>
    </Box>
  );
}
