// The guide's authentication flow as a small diagram: Configuration Server authentication, then
// RWS's own, then unauthenticated, with the condition on each arrow.
import { useTheme } from '@mui/material/styles';
import { authSteps } from '../../../shared/connections/auth-flow';
import { fitLabel } from './fit-label';

const W = 300;
const STEP_H = 64;
const GAP = 62;

export function AuthFlowDiagram() {
  const theme = useTheme();
  const fg = theme.palette.text.primary;
  const muted = theme.palette.text.secondary;
  const family = String(theme.typography.fontFamily);
  const ok = theme.palette.success.main;
  const boxX = 10;
  const boxW = 190;
  const top = (i: number) => 36 + i * (STEP_H + GAP);
  const height = top(authSteps.length) - GAP + 10;
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label="Authentication flow: a request with a basic authentication header is checked by Configuration Server when that is enabled for the contact center, otherwise by RWS's own authentication; without a header, or when both fail, it is unauthenticated."
      style={{
        width: '100%',
        height: 'auto',
        display: 'block',
        fontFamily: theme.typography.fontFamily,
      }}
    >
      <defs>
        <marker
          id="auth-arrow"
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={6}
          markerHeight={6}
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={muted} />
        </marker>
        <marker
          id="auth-ok"
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={6}
          markerHeight={6}
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={ok} />
        </marker>
      </defs>
      <text x={boxX + boxW / 2} y={14} textAnchor="middle" fontSize={11} fill={muted}>
        request
      </text>
      <line
        x1={boxX + boxW / 2}
        y1={18}
        x2={boxX + boxW / 2}
        y2={top(0) - 2}
        stroke={muted}
        strokeWidth={1.5}
        markerEnd="url(#auth-arrow)"
      />
      {authSteps.map((step, i) => {
        const y = top(i);
        const last = i === authSteps.length - 1;
        const title = fitLabel(step.title, 12.5, 600, family, boxW - 20);
        return (
          <g key={step.id} data-auth-step={step.id}>
            <rect
              data-box={`auth-${step.id}`}
              x={boxX}
              y={y}
              width={boxW}
              height={STEP_H}
              rx={8}
              fill="none"
              stroke={last ? muted : theme.palette.primary.main}
              strokeWidth={2}
            />
            <text x={boxX + boxW / 2} y={y + 20} textAnchor="middle" fontSize={11} fill={muted}>
              {i + 1}.
            </text>
            {title.lines.map((part, j) => (
              <text
                key={part}
                x={boxX + boxW / 2}
                y={y + 37 + j * 15}
                textAnchor="middle"
                fontSize={title.size}
                data-fits-box={`auth-${step.id}`}
                fontWeight={600}
                fill={fg}
              >
                {part}
              </text>
            ))}
            {!last && (
              <>
                <line
                  x1={boxX + boxW}
                  y1={y + STEP_H / 2}
                  x2={W - 8}
                  y2={y + STEP_H / 2}
                  stroke={ok}
                  strokeWidth={1.5}
                  markerEnd="url(#auth-ok)"
                />
                <text x={boxX + boxW + 8} y={y + STEP_H / 2 - 6} fontSize={10.5} fill={ok}>
                  success →
                </text>
                <text x={boxX + boxW + 8} y={y + STEP_H / 2 + 14} fontSize={10.5} fill={ok}>
                  authorization
                </text>
                <line
                  x1={boxX + boxW / 2}
                  y1={y + STEP_H}
                  x2={boxX + boxW / 2}
                  y2={top(i + 1) - 2}
                  stroke={muted}
                  strokeWidth={1.5}
                  markerEnd="url(#auth-arrow)"
                />
                <text x={boxX + boxW / 2 + 8} y={y + STEP_H + 18} fontSize={10.5} fill={muted}>
                  {i === 0 ? 'no header, CS auth not' : 'no header'}
                </text>
                <text x={boxX + boxW / 2 + 8} y={y + STEP_H + 32} fontSize={10.5} fill={muted}>
                  {i === 0 ? 'enabled, or failure' : 'or failure'}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
