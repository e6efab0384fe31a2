// Form controls for money (typed in yuan with two decimals, held in fen) and rates (typed in %,
// held in basis points), as the contract wants them. Both work as antd form controls.
import type { CSSProperties, ReactNode } from 'react';
import { InputNumber } from 'antd';
import { MAX_MONEY } from '../../shared/money';

interface Props {
  value?: number | null;
  onChange?(value: number | null): void;
  id?: string;
  disabled?: boolean;
  prefix?: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** Shown in hundredths (yuan / per cent), held as whole numbers (fen / basis points). */
function HundredthsInput({ value, onChange, max, ...rest }: Props & { max: number; suffix?: string }) {
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={max}
      precision={2}
      style={{ width: '100%', ...rest.style }}
      value={value == null ? null : value / 100}
      onChange={(shown) => onChange?.(shown === null ? null : Math.round(shown * 100))}
    />
  );
}

export const MoneyInput = (props: Props) => <HundredthsInput {...props} max={MAX_MONEY / 100} />;

export const PercentInput = (props: Props) => <HundredthsInput {...props} max={100} suffix="%" />;

/** 1300 → "13%", 1250 → "12.5%". */
export const percentText = (basisPoints: number) => `${basisPoints / 100}%`;
