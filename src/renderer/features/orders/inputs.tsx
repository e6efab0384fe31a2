// Form controls for money (typed in yuan, held in fen) and rates (typed in %, held in basis
// points), as the contract wants them. Both work as antd form controls.
import { InputNumber } from 'antd';
import { MAX_MONEY } from '../../../shared/money';

interface Props {
  value?: number | null;
  onChange?(value: number | null): void;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function MoneyInput({ value, onChange, ...rest }: Props) {
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={MAX_MONEY / 100}
      precision={2}
      prefix="¥"
      style={{ width: '100%' }}
      value={value == null ? null : value / 100}
      onChange={(yuan) => onChange?.(yuan === null ? null : Math.round(yuan * 100))}
    />
  );
}

export function PercentInput({ value, onChange, ...rest }: Props) {
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={100}
      precision={2}
      suffix="%"
      style={{ width: '100%' }}
      value={value == null ? null : value / 100}
      onChange={(pct) => onChange?.(pct === null ? null : Math.round(pct * 100))}
    />
  );
}

/** 1300 → "13%", 1250 → "12.5%". */
export const percentText = (basisPoints: number) => `${basisPoints / 100}%`;
