// Which catalog options a form page shows, and where a diagnostic's path belongs.
import { options, type OptionSection, type OptionSpec } from '../../shared/catalog/options';

/** Options a page shows: older layouts (alternativeTo) are edited through their primary field. */
export function pageOptions(section: OptionSection): OptionSpec[] {
  return options.filter((o) => o.section === section && o.alternativeTo === undefined);
}

/** The catalog option a diagnostic path belongs to (exact, older layout, or nearest parent). */
export function optionForPath(path: string): OptionSpec | undefined {
  const exact = options.find((o) => o.path === path);
  if (exact)
    return exact.alternativeTo ? options.find((o) => o.path === exact.alternativeTo) : exact;
  return options
    .filter((o) => path.startsWith(`${o.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function fieldId(optionPath: string): string {
  return `opt-${optionPath.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
