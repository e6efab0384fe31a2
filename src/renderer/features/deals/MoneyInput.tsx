// Money typed in yuan (two decimals) and held in minor units (fen), as the contract wants it.
// Works as an antd form control.
import { InputNumber } from 'antd';
import { MAX_MONEY } from '../../../shared/money';

interface Props {
  value?: number | null;
  onChange?(fen: number | null): void;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
}

export function MoneyInput({ value, onChange, ...rest }: Props) {
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={MAX_MONEY / 100}
      precision={2}
      style={{ width: '100%', ...rest.style }}
      value={value === null || value === undefined ? null : value / 100}
      onChange={(yuan) => onChange?.(yuan === null ? null : Math.round(yuan * 100))}
    />
  );
}
