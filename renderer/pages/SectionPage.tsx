// A form page: the catalog's options of one section, grouped by the guide's procedure, in two
// columns (a section of up to ten fields fits a 1280x800 screen) with, on wide screens, a side
// panel for the page's problems and the full help of the field being edited.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ApiDiagnostic } from '../../shared/api/contract';
import { effectivePath } from '../../shared/api/option-layout';
import type { OptionSpec } from '../../shared/catalog/options';
import type { PageProps } from '../app/pages';
import { fieldId, optionForPath, pageOptions } from '../app/sections';
import { OptionField } from '../fields/OptionField';
import { SectionSidePanel } from './SectionSidePanel';

/** Controls that need a whole row: chip lists and the trust mode with its file. */
const fullRow: ReadonlySet<OptionSpec['type']> = new Set(['list', 'trust']);

export function SectionPage({ page, model }: PageProps) {
  const values = model.state?.values;
  // Options outside the guide (jetty.cookies.*) show only where the file has their section.
  const specs = (page.section ? pageOptions(page.section) : []).filter(
    (spec) =>
      spec.onlyWhenPresent === undefined || model.valueOf(spec.onlyWhenPresent) !== undefined,
  );
  const diagnostics = model.state?.diagnostics ?? [];
  const byOption = new Map<string, ApiDiagnostic[]>();
  for (const d of diagnostics) {
    const spec = optionForPath(d.path);
    if (spec && specs.includes(spec))
      byOption.set(spec.path, [...(byOption.get(spec.path) ?? []), d]);
  }
  const procedures = [...new Set(specs.map((s) => s.procedure))];
  const formId = `form-${page.id}`;
  return (
    <>
      <Typography variant="h5" component="h1">
        {page.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {page.intro}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          alignItems: 'start',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 1fr) 340px' },
        }}
      >
        <Box id={formId} sx={{ minWidth: 0 }}>
          {specs.length === 0 && (
            <Paper variant="outlined" sx={{ p: 3 }}>
              <Typography>No options for this page in the catalog yet.</Typography>
            </Paper>
          )}
          {procedures.map((procedure) => (
            <Paper
              key={procedure}
              variant="outlined"
              component="section"
              aria-label={procedure}
              sx={{ px: 2, pt: 0.75, pb: 0.5, mb: 1 }}
            >
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                {procedure}
              </Typography>
              <Box
                sx={{
                  display: 'grid',
                  columnGap: 3,
                  gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
                }}
              >
                {specs
                  .filter((s) => s.procedure === procedure)
                  .map((spec) => {
                    const path = effectivePath(spec.path, values);
                    return (
                      <Box
                        key={spec.path}
                        sx={{
                          gridColumn: fullRow.has(spec.type) ? '1 / -1' : undefined,
                          minWidth: 0,
                        }}
                      >
                        <OptionField
                          spec={spec}
                          path={path}
                          id={fieldId(spec.path)}
                          value={model.valueOf(path)}
                          diagnostics={byOption.get(spec.path) ?? []}
                          onChange={(value) => model.setValue(path, value)}
                          onDelete={() => model.deleteValue(path)}
                        />
                      </Box>
                    );
                  })}
              </Box>
            </Paper>
          ))}
        </Box>
        <Box sx={{ display: { xs: 'none', xl: 'block' }, height: '100%' }}>
          <SectionSidePanel
            formId={formId}
            specs={specs}
            diagnostics={[...byOption.values()].flat()}
          />
        </Box>
      </Box>
    </>
  );
}
