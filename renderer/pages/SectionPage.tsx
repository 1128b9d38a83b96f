// A form page: the catalog's options of one section, grouped by the guide's procedure.
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ApiDiagnostic } from '../../shared/api/contract';
import { effectivePath } from '../../shared/api/option-layout';
import type { PageProps } from '../app/pages';
import { fieldId, optionForPath, pageOptions } from '../app/sections';
import { OptionField } from '../fields/OptionField';

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
    if (spec) byOption.set(spec.path, [...(byOption.get(spec.path) ?? []), d]);
  }
  const procedures = [...new Set(specs.map((s) => s.procedure))];
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {page.title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {page.intro}
      </Typography>
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
          sx={{ px: 2.5, py: 1.5, mb: 2 }}
        >
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {procedure}
          </Typography>
          {specs
            .filter((s) => s.procedure === procedure)
            .map((spec) => {
              const path = effectivePath(spec.path, values);
              return (
                <OptionField
                  key={spec.path}
                  spec={spec}
                  path={path}
                  id={fieldId(spec.path)}
                  value={model.valueOf(path)}
                  diagnostics={byOption.get(spec.path) ?? []}
                  onChange={(value) => model.setValue(path, value)}
                  onDelete={() => model.deleteValue(path)}
                />
              );
            })}
        </Paper>
      ))}
    </>
  );
}
