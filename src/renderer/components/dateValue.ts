// Calendar dates travel as 'YYYY-MM-DD' strings; antd's pickers want dayjs. Use these on a
// Form.Item holding a DatePicker so the form's value stays the string the contract takes.
import dayjs, { type Dayjs } from 'dayjs';

export const dateItemProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
