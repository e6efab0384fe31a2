// Form items the customer forms share: a half-width item in a two-column row, and the owner.
import { Col, Form, type FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../app/OwnerSelect';

/** A form item taking half of a `<Row gutter={8}>`. */
export function HalfItem(props: FormItemProps) {
  return (
    <Col span={12}>
      <Form.Item {...props} />
    </Col>
  );
}

/** The record's owner (a user of this device). */
export function OwnerItem({ half = false }: { half?: boolean }) {
  const { t } = useTranslation();
  const Item = half ? HalfItem : Form.Item;
  return (
    <Item name="ownerId" label={t('fields.owner')}>
      <OwnerSelect />
    </Item>
  );
}
