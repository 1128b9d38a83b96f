// RWS in the centre, inbound HTTPS on the left and the seven outbound links around it; each link
// drawn by its state (colour, line style, glyph and words). Clicking a link opens its settings.
import { useTheme } from '@mui/material/styles';
import type { KeyboardEvent } from 'react';
import type { ConnectionLink } from '../../../shared/connections/types';
import { linkStateText } from '../../../shared/connections/types';
import { fitLabel, fitLine } from './fit-label';
import { useLinkLooks } from './link-style';

const W = 760;
const H = 500;
const CX = W / 2;
const CY = H / 2;
const BOX_W = 176;
const BOX_H = 64;

/** Angle (degrees, 0 = right, clockwise) of each link around RWS. */
const angles: Record<ConnectionLink['id'], number> = {
  'inbound-https': 180,
  'config-server': -130,
  'sip-server': -90,
  'interaction-server': -50,
  webdav: 0,
  rcs: 50,
  speechminer: 90,
  cassandra: 130,
};

function place(id: ConnectionLink['id']): { x: number; y: number } {
  const a = (angles[id] * Math.PI) / 180;
  return { x: CX + Math.cos(a) * 280, y: CY + Math.sin(a) * 188 };
}

/** Where the segment from `from` towards `to` leaves a w x h box centred on `from`. */
function edge(from: { x: number; y: number }, to: { x: number; y: number }, w: number, h: number) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const s = Math.min(
    dx === 0 ? Infinity : w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : h / 2 / Math.abs(dy),
  );
  return { x: from.x + dx * s, y: from.y + dy * s };
}

/** Room for text inside a box: its width less a margin on each side. */
const PAD = 10;
const CENTRE_W = 176;
const CENTRE_H = 68;

export function ConnectionDiagram(props: {
  links: readonly ConnectionLink[];
  selected: string | null;
  onSelect(id: ConnectionLink['id']): void;
  onOpen(link: ConnectionLink): void;
}) {
  const theme = useTheme();
  const linkLooks = useLinkLooks();
  const fg = theme.palette.text.primary;
  const paper = theme.palette.background.paper;
  const family = String(theme.typography.fontFamily);
  const fit = (text: string, size: number, weight: number, width: number) =>
    fitLabel(text, size, weight, family, width - 2 * PAD);
  const oneLine = (text: string, size: number, weight: number, width: number) =>
    fitLine(text, size, weight, family, width - 2 * PAD);
  const centreName = 'Interaction Recording WS';
  const centreSize = oneLine(centreName, 11, 400, CENTRE_W);
  const key = (link: ConnectionLink) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onOpen(link);
    }
  };
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-label="Connection map"
      style={{
        width: '100%',
        height: 'auto',
        display: 'block',
        fontFamily: theme.typography.fontFamily,
      }}
    >
      {props.links.map((link) => {
        const p = place(link.id);
        const look = linkLooks[link.state];
        const mx = (p.x + CX) / 2;
        const my = (p.y + CY) / 2;
        const inbound = link.direction === 'inbound';
        const selected = props.selected === link.id;
        const name = fit(link.peer, 13, 600, BOX_W);
        const lines = name.lines;
        const status = `${look.glyph} ${look.short}`;
        const statusSize = oneLine(status, 11.5, 600, BOX_W);
        const centre = { x: CX, y: CY };
        const a = edge(centre, p, CENTRE_W + 12, CENTRE_H + 12);
        const b = edge(p, centre, BOX_W + 12, BOX_H + 12);
        return (
          <g
            key={link.id}
            role="button"
            tabIndex={0}
            data-link={link.id}
            data-state={link.state}
            onClick={() => props.onOpen(link)}
            onMouseEnter={() => props.onSelect(link.id)}
            onFocus={() => props.onSelect(link.id)}
            onKeyDown={key(link)}
            style={{ cursor: 'pointer', outline: 'none' }}
          >
            {/* The button is named by the words drawn in its box (peer, state), so voice control
                users can say what they see; the glyphs beside them are hidden decoration. */}
            <desc>{`${linkStateText[link.state]}. Opens its settings.`}</desc>
            <line
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke={look.color}
              strokeWidth={selected ? 6 : 4}
              strokeDasharray={look.dash}
              strokeLinecap="round"
              markerEnd={inbound ? undefined : `url(#arrow-${link.state})`}
              markerStart={inbound ? `url(#arrow-${link.state})` : undefined}
            />
            <circle cx={mx} cy={my} r={13} fill={paper} stroke={look.color} strokeWidth={2.5} />
            <text
              x={mx}
              y={my + 5}
              textAnchor="middle"
              fontSize={15}
              fontWeight={700}
              fill={look.color}
              aria-hidden="true"
            >
              {look.glyph}
            </text>
            <rect
              data-box={link.id}
              x={p.x - BOX_W / 2}
              y={p.y - BOX_H / 2}
              width={BOX_W}
              height={BOX_H}
              rx={8}
              fill={paper}
              stroke={look.color}
              strokeWidth={selected ? 3.5 : 2}
            />
            {lines.map((line, i) => (
              <text
                key={line}
                x={p.x}
                y={p.y - (lines.length === 2 ? 13 : 4) + i * 15}
                textAnchor="middle"
                fontSize={name.size}
                data-fits-box={link.id}
                fontWeight={600}
                fill={fg}
              >
                {line}
              </text>
            ))}
            <text
              x={p.x}
              y={p.y + (lines.length === 2 ? 24 : 18)}
              textAnchor="middle"
              fontSize={statusSize}
              fill={look.color}
              fontWeight={600}
              data-fits-box={link.id}
            >
              <tspan aria-hidden="true">{look.glyph} </tspan>
              {look.short}
            </text>
          </g>
        );
      })}
      <defs>
        {Object.entries(linkLooks).map(([state, look]) => (
          <marker
            key={state}
            id={`arrow-${state}`}
            viewBox="0 0 10 10"
            refX={8}
            refY={5}
            markerWidth={5}
            markerHeight={5}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={look.color} />
          </marker>
        ))}
      </defs>
      <g aria-hidden="true">
        <rect
          x={CX - CENTRE_W / 2}
          y={CY - CENTRE_H / 2}
          width={CENTRE_W}
          height={CENTRE_H}
          rx={12}
          fill={theme.palette.primary.main}
          data-box="rws"
        />
        {/* contrastText: dark text on the dark theme's light blue, white on the light theme's. */}
        <text
          x={CX}
          y={CY - 4}
          textAnchor="middle"
          fontSize={20}
          fontWeight={700}
          fill={theme.palette.primary.contrastText}
          data-fits-box="rws"
        >
          RWS
        </text>
        <text
          x={CX}
          y={CY + 18}
          textAnchor="middle"
          fontSize={centreSize}
          fill={theme.palette.primary.contrastText}
          data-fits-box="rws"
        >
          {centreName}
        </text>
      </g>
    </svg>
  );
}
