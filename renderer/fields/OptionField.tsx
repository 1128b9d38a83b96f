// One catalog option on a page: the control that fits its type, inside its help and diagnostics.
import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';
import { BooleanField } from './BooleanField';
import { FieldFrame } from './FieldFrame';
import type { FieldProps } from './field-props';
import { ListField } from './ListField';
import { NumberField } from './NumberField';
import { PathField } from './PathField';
import { SecretField } from './SecretField';
import { TextOptionField } from './TextOptionField';
import { TrustField } from './TrustField';

const controls: Record<OptionSpec['type'], (props: FieldProps) => React.JSX.Element> = {
  boolean: BooleanField,
  integer: NumberField,
  port: NumberField,
  string: TextOptionField,
  path: PathField,
  secret: SecretField,
  trust: TrustField,
  list: ListField,
};

export function OptionField(props: {
  spec: OptionSpec;
  path: string;
  id: string;
  value: unknown;
  diagnostics: readonly ApiDiagnostic[];
  onChange(value: unknown): void;
  onDelete(): void;
}) {
  const Control = controls[props.spec.type];
  const describedBy = `${props.id}-help ${props.id}-diagnostics`;
  return (
    <FieldFrame
      id={props.id}
      spec={props.spec}
      path={props.path}
      diagnostics={props.diagnostics}
      onRemove={props.value === undefined ? undefined : props.onDelete}
    >
      <Control {...props} describedBy={describedBy} />
    </FieldFrame>
  );
}
