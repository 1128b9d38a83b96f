// Labels that fit their boxes: SVG text does not wrap, so a name is split into the two most even
// lines and, where a line is still wider than the box, drawn smaller. Widths are measured with the
// page's own font (canvas), so the check holds for whatever font the system substitutes.

let canvas: HTMLCanvasElement | undefined;

/** Width of `text` in SVG user units at `size` px and `weight`, in `family`. */
export function textWidth(text: string, size: number, weight: number, family: string): number {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  // No canvas (a test DOM): a generous estimate for a sans-serif face.
  if (!context) return text.length * size * 0.62;
  context.font = `${weight} ${size}px ${family}`;
  return context.measureText(text).width;
}

/** The name on one line, or on two split at the space that makes the longer line shortest. */
export function splitInTwo(name: string, width: (line: string) => number): string[] {
  const words = name.split(' ');
  let best = [name];
  let bestWidth = width(name);
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map(width));
    if (widest < bestWidth) {
      best = lines;
      bestWidth = widest;
    }
  }
  return best;
}

export interface FittedLabel {
  lines: string[];
  size: number;
}

/**
 * Lines and font size for `name` in `maxWidth` units: one line when it fits, else two even lines,
 * and a smaller size (not below 70%) only when a line is still too wide.
 */
export function fitLabel(
  name: string,
  size: number,
  weight: number,
  family: string,
  maxWidth: number,
): FittedLabel {
  const width = (line: string) => textWidth(line, size, weight, family);
  const lines = width(name) <= maxWidth ? [name] : splitInTwo(name, width);
  const widest = Math.max(...lines.map(width));
  const scale = widest > maxWidth ? Math.max(0.7, maxWidth / widest) : 1;
  return { lines, size: Math.floor(size * scale * 10) / 10 };
}

/** Font size for `text` kept on one line in `maxWidth` units (smaller only when needed). */
export function fitLine(
  text: string,
  size: number,
  weight: number,
  family: string,
  maxWidth: number,
): number {
  const width = textWidth(text, size, weight, family);
  return width <= maxWidth ? size : Math.floor(size * (maxWidth / width) * 10) / 10;
}
