// The frame of every wizard: title, stepper, the step's body, its error, and the buttons (Back,
// any extra action such as "Start again", and the main action that moves on).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface WizardAction {
  label: string;
  /** True blocks the action (e.g. a field of the step is not valid yet). */
  disabled?: boolean;
  onClick(): void;
}

export function WizardFrame(props: {
  title: string;
  steps: readonly string[];
  active: number;
  busy: boolean;
  error: string | null;
  children: ReactNode;
  /** Undefined hides the button. */
  onBack?: (() => void) | undefined;
  /** Shown before the main action, as outlined buttons. */
  extra?: readonly WizardAction[] | undefined;
  next?: WizardAction | undefined;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={props.title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {props.title}
      </Typography>
      <Stepper activeStep={props.active} alternativeLabel sx={{ mb: 3 }}>
        {props.steps.map((s) => (
          <Step key={s}>
            <StepLabel>{s}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>{props.children}</Box>
      {props.error && (
        <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {props.error}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 3, alignItems: 'center' }}>
        {props.onBack && (
          <Button onClick={props.onBack} disabled={props.busy}>
            Back
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        {props.busy && <CircularProgress size={22} aria-label="Working" />}
        {props.extra?.map((a) => (
          <Button
            key={a.label}
            variant="outlined"
            onClick={a.onClick}
            disabled={props.busy || a.disabled === true}
          >
            {a.label}
          </Button>
        ))}
        {props.next && (
          <Button
            variant="contained"
            onClick={props.next.onClick}
            disabled={props.busy || props.next.disabled === true}
          >
            {props.next.label}
          </Button>
        )}
      </Box>
    </Paper>
  );
}
