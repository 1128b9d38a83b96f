// A page area that takes a dropped file, outlined while one is dragged over it.
import Box from '@mui/material/Box';
import { useState, type ReactNode } from 'react';

export function FileDropZone(props: {
  /** False while nothing could take the file (no store open): the drop is ignored. */
  enabled: boolean;
  onFile(file: File): void;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <Box
      onDragOver={(e) => {
        if (!props.enabled || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!props.enabled) return;
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) props.onFile(file);
      }}
      sx={{
        outline: dragging ? '2px dashed' : 'none',
        outlineColor: 'primary.main',
        outlineOffset: 4,
        borderRadius: 1,
      }}
    >
      {props.children}
    </Box>
  );
}
